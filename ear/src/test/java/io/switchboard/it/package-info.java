/**
 * End-to-end tests of the deployable on Payara Micro with real neighbours: PostgreSQL or H2,
 * Request Tracker 5, and the WhatsApp Cloud API contract served by Prism.
 */
package io.switchboard.it;
