package io.switchboard.sandbox.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures tests switch on through {@code POST /sandbox/api/faults}: a revoked access token (every
 * Graph call answers 401 code 190), media downloads answering 500, and accepted sends that fail
 * later with a given error code. Thread-safe.
 */
public final class Faults {
  private final AtomicBoolean tokenRevoked = new AtomicBoolean();
  private final AtomicInteger mediaDownloadFailures = new AtomicInteger();
  private final ConcurrentLinkedQueue<Integer> deliveryFailures = new ConcurrentLinkedQueue<>();

  /** Whether the access token counts as revoked. */
  public boolean tokenRevoked() {
    return tokenRevoked.get();
  }

  /** Revokes the token, or gives it back. */
  public void revokeToken(boolean revoked) {
    tokenRevoked.set(revoked);
  }

  /** The next {@code count} media downloads answer 500. */
  public void failMediaDownloads(int count) {
    mediaDownloadFailures.set(Math.max(0, count));
  }

  /** Whether this download is to fail (and counts it off). */
  public boolean takeMediaDownloadFailure() {
    return mediaDownloadFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** The next accepted sends fail after acceptance with these codes, one each, in order. */
  public void failNextDeliveries(List<Integer> codes) {
    deliveryFailures.addAll(codes);
  }

  /** The code the next accepted send is to fail with, or null. */
  public Integer takeDeliveryFailure() {
    return deliveryFailures.poll();
  }

  /** Every fault switched off. */
  public void clear() {
    tokenRevoked.set(false);
    mediaDownloadFailures.set(0);
    deliveryFailures.clear();
  }

  /** The faults now on, as JSON. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("revokeToken", tokenRevoked.get());
    json.put("mediaDownloadFailures", mediaDownloadFailures.get());
    json.put("failNextDeliveries", new ArrayList<>(deliveryFailures));
    return json;
  }
}
