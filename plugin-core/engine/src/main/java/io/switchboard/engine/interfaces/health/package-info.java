/**
 * MicroProfile Health checks: readiness is the database and the secrets key only (what stops this
 * instance from taking webhooks); each connection's probed health is liveness data.
 */
package io.switchboard.engine.interfaces.health;
