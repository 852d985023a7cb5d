package io.switchboard.sync;

import java.time.Instant;

/**
 * What one mapped CRM field of one CRM object held after the last sync: the CRM value the bridge
 * wrote or took, and the bridge value it corresponded to.
 *
 * @param crmValue the CRM field's value then ({@code null} when empty)
 * @param bridgeValue the canonical bridge value then ({@code null} when empty)
 * @param at when they were last in agreement
 */
public record SyncedValue(String crmValue, String bridgeValue, Instant at) {}
