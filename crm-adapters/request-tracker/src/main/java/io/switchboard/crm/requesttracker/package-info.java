/**
 * The Request Tracker 5 CRM adapter: mirrors customers as RT users, conversations as tickets and
 * messages as ticket transactions, and turns agents' replies back into neutral CRM events.
 */
package io.switchboard.crm.requesttracker;
