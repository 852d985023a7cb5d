/**
 * The WhatsApp Cloud API channel plugin: a webhook receiver per Meta app (handshake, signature,
 * parsing into channel-neutral events) and a connector per business phone number (sending through
 * the Graph API).
 */
package io.switchboard.connector.whatsapp;
