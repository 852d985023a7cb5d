/**
 * What a message says, independent of the channel: a sealed family of records for what customers
 * send ({@link io.switchboard.spi.content.InboundContent}) and what the engine asks a connector to
 * send ({@link io.switchboard.spi.content.OutboundContent}). Records that make sense both ways
 * (text, media, location, contacts, reaction) implement both.
 */
package io.switchboard.spi.content;
