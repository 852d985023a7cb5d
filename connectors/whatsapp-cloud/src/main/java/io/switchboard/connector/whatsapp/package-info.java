/**
 * The WhatsApp Cloud API channel connector: verifies and parses Meta's webhooks into
 * channel-neutral events and sends text replies through the Graph API.
 */
package io.switchboard.connector.whatsapp;
