/**
 * The bare baseline of the ingest benchmark: a JAX-RS endpoint that parses a WhatsApp webhook body
 * and inserts one row with JPA, with nothing else, to show what Payara Micro and the database cost
 * before Switchboard adds anything.
 */
package io.switchboard.bench.baseline;
