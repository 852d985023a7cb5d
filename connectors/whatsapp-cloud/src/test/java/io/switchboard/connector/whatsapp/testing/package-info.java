/**
 * WhatsApp Cloud API test material for this connector and for the engine's and EAR's tests (shipped
 * as this module's test-jar): Meta's sample webhooks, signature vectors and send cases, and a
 * builder of webhook bodies shaped like Meta's.
 */
package io.switchboard.connector.whatsapp.testing;
