package io.switchboard.sandbox.whatsapp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Media files by media id, and the short-lived download URLs Meta hands out for them: every {@code
 * GET /{media-id}} issues a new URL token valid for the configured time; after that the URL answers
 * 404 and a fresh one must be asked for. Thread-safe.
 */
public final class MediaStore {
  private final Clock clock;
  private final Duration urlTtl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, StoredMedia> byId = new HashMap<>();
  private final Map<String, UrlToken> tokens = new HashMap<>();

  /** What a download URL leads to. */
  public enum Download {
    OK,
    EXPIRED,
    UNKNOWN
  }

  private record UrlToken(String mediaId, Instant expiresAt) {}

  /** A download URL lookup: the outcome and, when {@link Download#OK}, the media. */
  public record Lookup(Download outcome, StoredMedia media) {}

  /** Creates an empty store whose URLs live {@code urlTtl}. */
  public MediaStore(Clock clock, Duration urlTtl) {
    this.clock = clock;
    this.urlTtl = urlTtl;
  }

  /** Keeps a file under a new media id (digits, like Meta's). */
  public synchronized StoredMedia add(
      MediaKind kind, String mimeType, String filename, byte[] bytes) {
    String id;
    do {
      id =
          Long.toString(
              1_000_000_000_000_000L
                  + (random.nextLong() & Long.MAX_VALUE) % 8_999_999_999_999_999L);
    } while (byId.containsKey(id));
    StoredMedia media = new StoredMedia(id, kind, mimeType, filename, bytes.clone());
    byId.put(id, media);
    return media;
  }

  /** The media with this id, unless deleted or never stored. */
  public synchronized Optional<StoredMedia> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Deletes the media; its URLs die with it. */
  public synchronized boolean delete(String id) {
    tokens.values().removeIf(token -> token.mediaId().equals(id));
    return byId.remove(id) != null;
  }

  /** A new download token for the media, valid for the configured time from now. */
  public synchronized String issueUrlToken(String mediaId) {
    Instant now = clock.instant();
    for (Iterator<UrlToken> it = tokens.values().iterator(); it.hasNext(); ) {
      if (it.next().expiresAt().isBefore(now.minus(urlTtl))) {
        it.remove(); // long dead: forget it so the map stays small
      }
    }
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new UrlToken(mediaId, now.plus(urlTtl)));
    return token;
  }

  /** What the download URL with {@code token} for {@code mediaId} gives now. */
  public synchronized Lookup download(String mediaId, String token) {
    UrlToken found = token == null ? null : tokens.get(token);
    StoredMedia media = byId.get(mediaId);
    if (found == null || media == null || !found.mediaId().equals(mediaId)) {
      return new Lookup(Download.UNKNOWN, null);
    }
    if (!clock.instant().isBefore(found.expiresAt())) {
      return new Lookup(Download.EXPIRED, null);
    }
    return new Lookup(Download.OK, media);
  }

  /** Expires every URL handed out so far (a test fault); media ids stay valid. */
  public synchronized int expireAllUrls() {
    Instant now = clock.instant();
    tokens.replaceAll((token, url) -> new UrlToken(url.mediaId(), now));
    return tokens.size();
  }
}
