/**
 * Field mapping and two-way sync between bridge fields and CRM fields, as plain Java: {@link
 * io.switchboard.sync.BridgeField} (what the bridge knows), {@link
 * io.switchboard.sync.FieldMapping} and {@link io.switchboard.sync.MappingSet} (what a CRM admin
 * mapped), {@link io.switchboard.sync.Transform} (how a value is shaped on its way), {@link
 * io.switchboard.sync.MappingValidator} (against the CRM's real schema), {@link
 * io.switchboard.sync.MappingDiff} and {@link io.switchboard.sync.MappingFile} (versions, import
 * and export), and {@link io.switchboard.sync.FieldSync} (what to write, and what a change seen in
 * the CRM means). No container, no I/O: the engine stores and schedules, this decides.
 */
package io.switchboard.sync;
