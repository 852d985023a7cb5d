package io.switchboard.engine.application.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed, expiring links to stored files: {@code <public-url>/switchboard/api/media/<id>?exp=<epoch
 * s>&sig=<HMAC>}, so agents and CRMs can open a file without admin credentials. The signature is
 * HMAC-SHA256 over the id and the expiry, with a key derived from the engine's secrets key ({@code
 * switchboard.secrets.key}) for this purpose only; a link works until {@code exp} ({@code
 * switchboard.media.link-lifetime} after it was made) and not a second longer, and changing the
 * secrets key ends every link.
 *
 * <pre>{@code
 * MediaLinks.Link link = links.sign(mediaId).orElseThrow();
 * links.verify(mediaId, link.expires().getEpochSecond(), link.signature()); // true until then
 * }</pre>
 */
@ApplicationScoped
public class MediaLinks {
  private static final byte[] PURPOSE =
      "switchboard media links v1".getBytes(StandardCharsets.US_ASCII);

  @Inject
  @ConfigProperty(name = "switchboard.secrets.key")
  Optional<String> secretsKey;

  @Inject
  @ConfigProperty(name = "switchboard.public-url", defaultValue = "http://127.0.0.1:8080")
  String publicUrl;

  @Inject MediaSettings settings;
  @Inject Clock clock;

  public MediaLinks() {}

  /** Over given values (tests, tools). */
  public MediaLinks(String secretsKey, String publicUrl, MediaSettings settings, Clock clock) {
    this.secretsKey = Optional.ofNullable(secretsKey);
    this.publicUrl = publicUrl;
    this.settings = settings;
    this.clock = clock;
  }

  /** A signed link and when it stops working. */
  public record Link(String url, Instant expires, String signature) {
    /**
     * The link relative to the application's context root ({@code api/media/<id>?exp=..&sig=..}),
     * for pages served by the bridge itself: they stay on their own origin whatever {@code
     * switchboard.public-url} says.
     */
    public String path() {
      return url.substring(url.indexOf("/api/media/") + 1);
    }
  }

  /** A fresh link to a file; empty when no usable secrets key is configured. */
  public Optional<Link> sign(String mediaId) {
    Optional<byte[]> key = key();
    if (key.isEmpty()) {
      return Optional.empty();
    }
    long exp = clock.instant().plus(settings.linkLifetime()).getEpochSecond();
    String sig = signature(key.get(), mediaId, exp);
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return Optional.of(
        new Link(
            base + "/switchboard/api/media/" + mediaId + "?exp=" + exp + "&sig=" + sig,
            Instant.ofEpochSecond(exp),
            sig));
  }

  /** Whether a link's expiry and signature are ours and it has not expired. */
  public boolean verify(String mediaId, long exp, String sig) {
    Optional<byte[]> key = key();
    if (key.isEmpty() || mediaId == null || sig == null) {
      return false;
    }
    if (clock.instant().getEpochSecond() >= exp) {
      return false;
    }
    byte[] expected = signature(key.get(), mediaId, exp).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
  }

  private static String signature(byte[] key, String mediaId, long exp) {
    byte[] data = (mediaId + "\n" + exp).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, data));
  }

  // A key of its own, derived from the secrets key (HMAC as the derivation function), so a link
  // signature never reveals anything about the key that encrypts connection secrets.
  private Optional<byte[]> key() {
    if (secretsKey == null || secretsKey.isEmpty() || secretsKey.get().isBlank()) {
      return Optional.empty();
    }
    byte[] master;
    try {
      master = Base64.getDecoder().decode(secretsKey.get().trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (master.length != 32) {
      return Optional.empty();
    }
    return Optional.of(hmac(master, PURPOSE));
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
