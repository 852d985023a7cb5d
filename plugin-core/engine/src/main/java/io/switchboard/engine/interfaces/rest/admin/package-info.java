/**
 * The admin API, one resource per kind (plugins, CRM connections, channel accounts, conversations,
 * the ledger with its quarantine), each bound to admin authentication by {@code @AdminApi}. What
 * crosses the boundary is a {@code *View} record; entities never leave the package.
 */
package io.switchboard.engine.interfaces.rest.admin;
