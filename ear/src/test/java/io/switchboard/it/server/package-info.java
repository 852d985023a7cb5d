/**
 * Deployment test of {@code switchboard.ear} on a full Payara Server 6, driven with {@code asadmin}
 * on a domain of the test's own, against PostgreSQL.
 */
package io.switchboard.it.server;
