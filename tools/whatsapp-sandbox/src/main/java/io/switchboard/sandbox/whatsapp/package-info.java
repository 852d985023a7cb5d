/**
 * The WhatsApp Cloud API sandbox: a standalone demo program that plays Meta's side (a phone chat
 * page, signed webhooks to the bridge, and the Graph API send endpoint). Never shipped with
 * Switchboard.
 */
package io.switchboard.sandbox.whatsapp;
