/**
 * WhatsApp Cloud API JSON as Meta writes and reads it (webhook notifications, send requests and
 * responses, Graph API errors); nothing here crosses the SPI. Reading is lenient, writing strict.
 */
package io.switchboard.connector.whatsapp.model;
