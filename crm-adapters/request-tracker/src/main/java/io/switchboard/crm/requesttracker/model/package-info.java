/**
 * Request Tracker's own JSON (REST2 records and the webhook scrip's body), read leniently and
 * written strictly; nothing in this package crosses the plugin SPI.
 */
package io.switchboard.crm.requesttracker.model;
