/**
 * JPA implementations of the domain's repositories: the only place with JPQL. Each method runs in
 * the caller's transaction (or none, for reads).
 */
package io.switchboard.engine.infrastructure.persistence;
