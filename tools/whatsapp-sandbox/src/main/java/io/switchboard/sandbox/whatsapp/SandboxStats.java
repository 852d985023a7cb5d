package io.switchboard.sandbox.whatsapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters for tests and the outbound-rate benchmark ({@code GET /sandbox/api/stats}): accepted
 * sends per number and per second, refusals and later failures by Meta error code, media traffic,
 * and the shortest gap seen between two sends to one customer. Thread-safe.
 */
public final class SandboxStats {
  private final Map<String, Integer> acceptedByNumber = new TreeMap<>();
  private final Map<Integer, Integer> rejectedByCode = new TreeMap<>();
  private final Map<Integer, Integer> failedByCode = new TreeMap<>();
  private final TreeMap<Long, Integer> acceptedPerSecond = new TreeMap<>();
  private final Map<WaId, Long> lastSendTo = new HashMap<>();
  private final Map<WaId, Long> minIntervalTo = new HashMap<>();
  private final Map<String, Integer> media = new LinkedHashMap<>();

  /** Media counters, as named in the stats JSON. */
  public enum MediaEvent {
    UPLOADS,
    URL_RESOLUTIONS,
    DOWNLOADS,
    DOWNLOAD_FAULTS,
    EXPIRED_URL_HITS;

    String jsonName() {
      String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
      StringBuilder out = new StringBuilder(words[0]);
      for (int i = 1; i < words.length; i++) {
        out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return out.toString();
    }
  }

  /** Creates empty stats. */
  public SandboxStats() {
    reset();
  }

  /** A send from {@code phoneNumberId} to {@code recipient} was accepted at {@code nowMillis}. */
  public synchronized void accepted(String phoneNumberId, WaId recipient, long nowMillis) {
    acceptedByNumber.merge(phoneNumberId, 1, Integer::sum);
    acceptedPerSecond.merge(Math.floorDiv(nowMillis, 1000L), 1, Integer::sum);
    Long last = lastSendTo.put(recipient, nowMillis);
    if (last != null) {
      minIntervalTo.merge(recipient, nowMillis - last, Math::min);
    }
  }

  /** A send was refused at once with Meta error {@code code}. */
  public synchronized void rejected(int code) {
    rejectedByCode.merge(code, 1, Integer::sum);
  }

  /** An accepted send failed later (a {@code failed} status) with Meta error {@code code}. */
  public synchronized void failed(int code) {
    failedByCode.merge(code, 1, Integer::sum);
  }

  /** Counts one media event. */
  public synchronized void media(MediaEvent event) {
    media.merge(event.jsonName(), 1, Integer::sum);
  }

  /** Starts counting afresh. */
  public synchronized void reset() {
    acceptedByNumber.clear();
    rejectedByCode.clear();
    failedByCode.clear();
    acceptedPerSecond.clear();
    lastSendTo.clear();
    minIntervalTo.clear();
    media.clear();
    for (MediaEvent event : MediaEvent.values()) {
      media.put(event.jsonName(), 0);
    }
  }

  /** Everything counted, as JSON. */
  public synchronized Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("acceptedByNumber", new LinkedHashMap<>(acceptedByNumber));
    json.put("rejectedByCode", byCode(rejectedByCode));
    json.put("failedByCode", byCode(failedByCode));
    json.put("acceptedPerSecond", perSecond());
    json.put("media", new LinkedHashMap<>(media));
    json.put("pairIntervals", pairIntervals());
    return json;
  }

  private static Map<String, Object> byCode(Map<Integer, Integer> counts) {
    Map<String, Object> json = new LinkedHashMap<>();
    counts.forEach((code, n) -> json.put(Integer.toString(code), n));
    return json;
  }

  private Map<String, Object> perSecond() {
    List<Object> histogram = new ArrayList<>();
    int max = 0;
    int total = 0;
    for (Map.Entry<Long, Integer> second : acceptedPerSecond.entrySet()) {
      histogram.add(Map.of("epochSecond", second.getKey(), "accepted", second.getValue()));
      max = Math.max(max, second.getValue());
      total += second.getValue();
    }
    long span =
        acceptedPerSecond.isEmpty()
            ? 0
            : acceptedPerSecond.lastKey() - acceptedPerSecond.firstKey() + 1;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("max", max);
    json.put("avg", span == 0 ? 0.0 : (double) total / span);
    json.put("seconds", span);
    json.put("histogram", histogram);
    return json;
  }

  private Map<String, Object> pairIntervals() {
    Map<String, Object> byRecipient = new TreeMap<>();
    long min = Long.MAX_VALUE;
    for (Map.Entry<WaId, Long> entry : minIntervalTo.entrySet()) {
      byRecipient.put(entry.getKey().digits(), entry.getValue());
      min = Math.min(min, entry.getValue());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("minIntervalMs", byRecipient.isEmpty() ? null : min);
    json.put("minIntervalMsByRecipient", byRecipient);
    return json;
  }
}
