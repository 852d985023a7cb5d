package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the admin API's resources: {@link AdminAuthFilter} runs for every request JAX-RS matched to
 * one of them, whatever the raw path looked like (encoded or doubled slashes, path parameters), and
 * for no other.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminApi {}
