package io.switchboard.engine.application.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Independent lanes of pipeline work on the container's managed executor: the inbound worker, one
 * lane per outbox target, one per CRM poll. A lane drains until nothing is left and runs at most
 * once at a time; a lane that blocks (a CRM answering in 30 s) holds up only itself. A start while
 * the lane runs is not lost: the lane drains once more before it stops, so work stored just after
 * its last look (a webhook arriving as it finishes) waits for no tick.
 */
final class Lanes {
  private static final Logger LOG = Logger.getLogger(Lanes.class.getName());

  private final Executor executor;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Set<String> again = ConcurrentHashMap.newKeySet();

  Lanes(Executor executor) {
    this.executor = executor;
  }

  /**
   * Starts {@code lane} unless it is running already; if it is, it drains once more before it
   * stops.
   *
   * @param drain one round of work; the lane repeats it while it returns more than zero
   * @return whether it was started
   */
  boolean start(String lane, IntSupplier drain) {
    again.add(lane);
    if (!running.add(lane)) {
      return false;
    }
    try {
      executor.execute(() -> run(lane, drain));
      return true;
    } catch (RejectedExecutionException e) {
      running.remove(lane);
      LOG.log(Level.WARNING, "lane " + lane + " could not start", e);
      return false;
    }
  }

  boolean isRunning(String lane) {
    return running.contains(lane);
  }

  private void run(String lane, IntSupplier drain) {
    do {
      again.remove(lane);
      try {
        while (drain.getAsInt() > 0) {
          // keep going while there is due work
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "lane " + lane + " failed", e);
        again.remove(lane); // a failing lane waits for the next tick instead of spinning
      } finally {
        running.remove(lane);
      }
      // a start came in while this round ran: run again unless that start began a new run itself
    } while (again.contains(lane) && running.add(lane));
  }
}
