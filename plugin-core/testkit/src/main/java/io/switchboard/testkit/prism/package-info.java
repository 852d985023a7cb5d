/**
 * Starts Stoplight Prism as a local, request-validating mock of the WhatsApp Cloud API (Meta's
 * published OpenAPI contract, bundled here) for integration tests.
 */
package io.switchboard.testkit.prism;
