/**
 * The Switchboard engine: domain, pipeline (inbound ledger, processing, outbox), persistence and
 * REST resources. It knows plugins only through the SPI.
 */
package io.switchboard.engine;
