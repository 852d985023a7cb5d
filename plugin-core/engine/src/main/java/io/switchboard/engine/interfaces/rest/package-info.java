/** HTTP resources: channel and CRM webhooks, and the admin API. */
package io.switchboard.engine.interfaces.rest;
