/**
 * Inbound media: the file of a customer's message is fetched from the channel apart from the
 * message ({@code FETCH_MEDIA}), checked by its content, stored, attached in the CRM exactly once,
 * served through signed, expiring links, and deleted by retention.
 */
package io.switchboard.engine.application.media;
