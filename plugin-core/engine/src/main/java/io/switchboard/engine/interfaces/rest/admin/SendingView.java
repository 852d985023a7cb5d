package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.governor.AccountPause;
import io.switchboard.engine.application.governor.GovernorStore;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * How a channel account's sends fare now, from the send governor: {@code {"state":"PAUSED",
 * "pauseCause":"TOKEN","pausedSince":"...","pauseReason":"...","deferred":12,
 * "lastThrottleCode":"190","lastThrottleAt":"..."}}.
 *
 * @param pause the pause holding its sends, or empty (state {@code SENDING})
 * @param lastThrottle the last throttling or token code the channel answered, if any
 * @param deferred how many of its sends wait deferred now (rate, pair limit, pause)
 */
record SendingView(
    Optional<AccountPause> pause, Optional<GovernorStore.Throttle> lastThrottle, long deferred) {
  static SendingView of(
      Optional<AccountPause> pause, Optional<GovernorStore.Throttle> lastThrottle, long deferred) {
    return new SendingView(pause, lastThrottle, deferred);
  }

  JsonObject toJson() {
    var b = AdminJson.object().add("state", pause.isPresent() ? "PAUSED" : "SENDING");
    pause.ifPresent(
        p -> {
          b.add("pauseCause", p.cause());
          AdminJson.nullable(b, "pausedSince", p.since() == null ? null : p.since().toString());
          AdminJson.nullable(b, "pausedUntil", p.until() == null ? null : p.until().toString());
          AdminJson.nullable(b, "pauseReason", p.reason());
        });
    b.add("deferred", deferred);
    lastThrottle.ifPresent(
        t -> b.add("lastThrottleCode", t.code()).add("lastThrottleAt", t.at().toString()));
    return b.build();
  }
}
