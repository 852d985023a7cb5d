/**
 * The bridge's domain: customers and their identities, conversations, messages and the rules they
 * obey (statuses only move forward, one open conversation per customer and channel account).
 */
package io.switchboard.engine.domain;
