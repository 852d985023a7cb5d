package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.crm.TicketState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestTrackerStatusesTest {

  @Test
  @DisplayName("RT's default lifecycle reads as neutral states; custom statuses are unknown")
  void readsStatuses() {
    assertThat(RequestTrackerStatuses.toState("new")).contains(TicketState.OPEN);
    assertThat(RequestTrackerStatuses.toState("open")).contains(TicketState.OPEN);
    assertThat(RequestTrackerStatuses.toState("stalled")).contains(TicketState.PENDING);
    assertThat(RequestTrackerStatuses.toState("resolved")).contains(TicketState.SOLVED);
    assertThat(RequestTrackerStatuses.toState("rejected")).contains(TicketState.DELETED);
    assertThat(RequestTrackerStatuses.toState("deleted")).contains(TicketState.DELETED);
    assertThat(RequestTrackerStatuses.toState("escalated")).isEmpty();
    assertThat(RequestTrackerStatuses.toState(null)).isEmpty();
  }

  @Test
  @DisplayName("neutral states write as RT statuses (CLOSED as resolved); MERGED is refused")
  void writesStatuses() {
    assertThat(RequestTrackerStatuses.toRtStatus(TicketState.OPEN)).isEqualTo("open");
    assertThat(RequestTrackerStatuses.toRtStatus(TicketState.PENDING)).isEqualTo("stalled");
    assertThat(RequestTrackerStatuses.toRtStatus(TicketState.SOLVED)).isEqualTo("resolved");
    assertThat(RequestTrackerStatuses.toRtStatus(TicketState.CLOSED)).isEqualTo("resolved");
    assertThat(RequestTrackerStatuses.toRtStatus(TicketState.DELETED)).isEqualTo("deleted");
    assertThatThrownBy(() -> RequestTrackerStatuses.toRtStatus(TicketState.MERGED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a MergedInto link names the survivor on the merged ticket only")
  void mergedInto() {
    String survivor = "fsck.com-rt://switchboard.example/ticket/40";
    assertThat(RequestTrackerStatuses.mergedInto("39", "MergedInto", survivor)).contains("40");
    assertThat(RequestTrackerStatuses.mergedInto("40", "MergedInto", survivor)).isEmpty();
    assertThat(RequestTrackerStatuses.mergedInto("39", "RefersTo", survivor)).isEmpty();
    assertThat(RequestTrackerStatuses.mergedInto("39", "MergedInto", "https://example.com/x"))
        .isEmpty();
    assertThat(RequestTrackerStatuses.mergedInto("39", "MergedInto", null)).isEmpty();
  }
}
