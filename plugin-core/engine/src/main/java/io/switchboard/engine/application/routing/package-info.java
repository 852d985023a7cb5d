/**
 * Routing by account: which channel account an event of a channel app belongs to, and the events
 * parked for accounts nobody configured yet.
 */
package io.switchboard.engine.application.routing;
