/**
 * CRM adapters: how a helpdesk or CRM (Request Tracker, Zendesk, HubSpot, ...) holds requesters,
 * tickets and customer messages, and how its agents' replies come back as neutral {@link
 * io.switchboard.spi.crm.CrmEvent}s.
 */
package io.switchboard.spi.crm;
