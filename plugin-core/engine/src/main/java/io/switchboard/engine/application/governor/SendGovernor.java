package io.switchboard.engine.application.governor;

import io.switchboard.engine.application.health.ConnectionHealth;
import io.switchboard.engine.application.health.ConnectionHealthBoard;
import io.switchboard.engine.ledger.DeferredException;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.channel.SendPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Admits each send of a channel account, across every instance: first the customer's pair limit
 * ({@code samePairInterval}), then one of the account's send slots ({@code messagesPerSecond}),
 * waiting a moment on the thread for a slot just ahead. Whatever must wait longer (the pair, a
 * saturated or paused account) is a {@link DeferredException}: the outbox entry waits without
 * failing. After a failed send, {@link #failed} turns Meta's throttling codes and a rejected token
 * into pauses and deferrals too (see {@link Backoff}).
 *
 * <pre>{@code
 * SendGovernor.Admission admission = governor.admit(channelId, connector.sendPolicy(), waId);
 * try { connector.send(message); } catch (PluginException e) { governor.failed(admission, e); throw e; }
 * }</pre>
 */
@ApplicationScoped
public class SendGovernor {
  private static final Logger LOG = Logger.getLogger(SendGovernor.class.getName());

  @Inject GovernorSettings settings;
  @Inject GovernorStore store;
  @Inject PermitPool permits;
  @Inject Pacer pacer;
  @Inject GovernorMetrics metrics;
  @Inject Outbox outbox;
  @Inject ConnectionHealthBoard health;
  @Inject Clock clock;

  /** A send the governor let through, for {@link #failed}. */
  public record Admission(String channelId, String recipient, Duration pairInterval) {}

  /**
   * Returns when the send may go now; throws when it must wait.
   *
   * @param recipient the customer's channel user id (the pair), or {@code null}
   * @throws DeferredException when the pair limit, the account's rate or a pause holds it
   */
  public Admission admit(String channelId, SendPolicy policy, String recipient) {
    Duration pair = policy.samePairInterval() == null ? Duration.ZERO : policy.samePairInterval();
    Admission admission = new Admission(channelId, recipient, pair);
    if (!settings.enabled()) {
      return admission;
    }
    Instant now = clock.instant();
    GovernorStore.PairAnswer reserved = reservePair(admission, now);
    int rate = settings.messagesPerSecond(channelId, policy);
    if (rate <= 0) {
      return admission;
    }
    Permit permit = permits.take(channelId, rate, clock);
    if (!permit.granted()) {
      if (reserved != null) {
        store.releasePair(channelId, recipient, reserved.reservedUs(), reserved.previousUs());
      }
      throw permit.pause() != null
          ? deferred(
              channelId,
              permit.pause().cause(),
              until(permit.pause(), now),
              describe(permit.pause()))
          : deferred(
              channelId,
              "rate",
              permit.notBefore(),
              "rate limit: the next send slots of this number (" + rate + "/s) are taken");
    }
    pacer.waitUntil(permit.slot(), clock);
    return admission;
  }

  private GovernorStore.PairAnswer reservePair(Admission a, Instant now) {
    if (a.pairInterval().isZero() || a.recipient() == null) {
      return null;
    }
    long interval = Micros.of(a.pairInterval());
    GovernorStore.PairAnswer answer =
        store.reservePair(
            a.channelId(),
            a.recipient(),
            interval,
            (settings.pairBurst() - 1) * interval,
            Micros.of(now));
    if (!answer.admitted()) {
      throw deferred(
          a.channelId(),
          "pair",
          Micros.instant(answer.reservedUs()),
          "pair limit: one message per "
              + a.pairInterval().toSeconds()
              + " s to the same customer");
    }
    return answer;
  }

  /**
   * After the channel refused a send: Meta's throttling codes and a rejected token pause the
   * account or hold the pair, and the send is deferred instead of failed. Returns normally for
   * every other failure (the caller rethrows it).
   *
   * @throws DeferredException when the failure is the governor's to handle
   */
  public void failed(Admission admission, PluginException failure) {
    Optional<Backoff> backoff = Backoff.of(failure, settings, admission.pairInterval());
    if (backoff.isEmpty() || !settings.enabled()) {
      return;
    }
    Backoff b = backoff.get();
    String channelId = admission.channelId();
    Instant now = clock.instant();
    metrics.throttled(channelId, b.code());
    switch (b.kind()) {
      case PAIR -> {
        Instant until = now.plus(b.delay());
        if (admission.recipient() != null) {
          store.holdPair(channelId, admission.recipient(), Micros.of(until));
        }
        LOG.info(
            "channel "
                + channelId
                + ": pair limit ("
                + b.code()
                + "), customer held until "
                + until);
        throw deferred(channelId, "pair", until, "channel said pair limit (" + b.code() + ")");
      }
      case ACCOUNT -> {
        Instant until = now.plus(b.delay());
        pause(channelId, b.cause(), until, b, now);
        throw deferred(
            channelId, b.cause(), until, "number paused (" + b.code() + ") until " + until);
      }
      case TOKEN -> {
        pause(channelId, AccountPause.TOKEN, null, b, now);
        health.record(
            new ConnectionHealth(
                ConnectionHealth.Kind.CHANNEL,
                channelId,
                ConnectionHealth.Status.DOWN,
                now,
                tokenReason(b.code(), b.message())));
        throw deferred(
            channelId,
            AccountPause.TOKEN,
            now.plus(settings.tokenRecheck()),
            "sends paused: the access token was rejected; replace the channel's configuration");
      }
    }
  }

  private void pause(String channelId, String cause, Instant until, Backoff b, Instant now) {
    store.pause(
        channelId,
        cause,
        until == null ? null : Micros.of(until),
        b.message(),
        b.code(),
        Micros.of(now));
    permits.forget(channelId);
    LOG.warning(
        "channel "
            + channelId
            + ": sends paused ("
            + cause
            + (until == null ? ", until its configuration is replaced" : " until " + until)
            + "): "
            + b.message());
  }

  /**
   * The account's configuration was replaced (e.g. a new token): a token pause ends, and the
   * deferred sends go out now, in their order.
   */
  public void accountReconfigured(String channelId) {
    if (store.clearTokenPause(channelId)) {
      LOG.info("channel " + channelId + ": reconfigured, sends resume");
    }
    permits.forget(channelId);
    outbox.resumeDeferred("channel:" + channelId); // the target of its sends, Sources.channel
  }

  /** The pause holding the account's sends now, if any. */
  public Optional<AccountPause> pause(String channelId) {
    return store.pause(channelId, Micros.of(clock.instant()));
  }

  /** The last throttling or token code the channel answered for this account, if any. */
  public Optional<GovernorStore.Throttle> lastThrottle(String channelId) {
    return store.lastThrottle(channelId);
  }

  /**
   * For the health probe: fails like the channel would while the account is paused for its token.
   */
  public void requireUsableToken(String channelId) throws PermanentException {
    Optional<AccountPause> pause = pause(channelId);
    if (pause.isPresent() && AccountPause.TOKEN.equals(pause.get().cause())) {
      throw new PermanentException(
          tokenReason(null, pause.get().reason()), null, null, FailureReason.AUTH_FAILED);
    }
  }

  private static String tokenReason(String code, String message) {
    return "sends paused since the access token was rejected"
        + (code == null ? "" : " (" + code + ")")
        + "; replace the channel's configuration (PUT /admin/channels/{id}) with a new token: "
        + message;
  }

  private Instant until(AccountPause pause, Instant now) {
    return pause.until() != null ? pause.until() : now.plus(settings.tokenRecheck());
  }

  private static String describe(AccountPause pause) {
    return "number paused ("
        + pause.cause()
        + (pause.until() == null ? ", until reconfigured" : " until " + pause.until())
        + ")";
  }

  private DeferredException deferred(String channelId, String cause, Instant until, String why) {
    metrics.deferred(channelId, cause);
    return new DeferredException(until, why);
  }
}
