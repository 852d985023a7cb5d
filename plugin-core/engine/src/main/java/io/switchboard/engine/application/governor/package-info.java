/**
 * The send governor: how fast each channel account may send, shared by every instance through the
 * database (leased batches of send slots, the pair limit per customer), and the pauses Meta's
 * throttling codes and a rejected token put on an account; a send that must wait is deferred, never
 * failed.
 */
package io.switchboard.engine.application.governor;
