/**
 * Per-connection health: a scheduled, cheap probe of every CRM connection and channel account, kept
 * apart from readiness (a CRM that is down never stops this instance from taking webhooks).
 */
package io.switchboard.engine.application.health;
