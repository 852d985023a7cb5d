package io.switchboard.spi.channel;

/**
 * The ad or post that brought the customer to the chat (a click-to-WhatsApp or click-to-Messenger
 * ad). Opens the channel's free entry window where it has one.
 *
 * <pre>{@code
 * new Referral("ad", "120208...", "https://fb.me/3cr4Wqqkv", "Winter sale", "50% off boots",
 *     "image", "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a")
 * }</pre>
 *
 * @param sourceType {@code ad} or {@code post}
 * @param sourceId the ad's or post's id
 * @param sourceUrl the link the customer followed
 * @param headline the ad's headline, or {@code null}
 * @param body the ad's text, or {@code null}
 * @param mediaType {@code image} or {@code video}, or {@code null}
 * @param clickId the click id for conversion reporting (WhatsApp {@code ctwa_clid}), or {@code
 *     null}
 */
public record Referral(
    String sourceType,
    String sourceId,
    String sourceUrl,
    String headline,
    String body,
    String mediaType,
    String clickId) {}
