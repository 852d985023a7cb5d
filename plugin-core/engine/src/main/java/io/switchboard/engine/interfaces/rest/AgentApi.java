package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the agent API's resources: {@link AgentAuthFilter} checks the agent's session for every
 * request JAX-RS matched to one of them (whatever the raw path looked like), and for no other.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AgentApi {}
