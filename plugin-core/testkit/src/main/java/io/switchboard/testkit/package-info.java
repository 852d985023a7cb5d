/**
 * Abstract contract tests that every connector and CRM adapter extends, and builders of realistic
 * events for tests.
 */
package io.switchboard.testkit;
