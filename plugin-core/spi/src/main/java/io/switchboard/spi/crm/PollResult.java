package io.switchboard.spi.crm;

import java.util.List;

/**
 * Changes read by {@link CrmAdapter#poll}.
 *
 * @param events the changes in the order they happened
 * @param nextCursor the cursor to pass to the next poll (opaque to the engine), never {@code null}
 */
public record PollResult(List<CrmEvent> events, String nextCursor) {
  public PollResult {
    events = List.copyOf(events);
  }
}
