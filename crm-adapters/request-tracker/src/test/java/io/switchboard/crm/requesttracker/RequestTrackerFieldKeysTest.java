package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import io.switchboard.spi.crm.capability.CustomerRecords;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Mapped field keys that can never be written are refused by name before the adapter calls RT (the
 * adapter here points at a port nothing listens on: a call would be a RetryableException).
 */
class RequestTrackerFieldKeysTest {
  private CrmAdapter rt;

  @BeforeEach
  void adapter() throws Exception {
    rt = RequestTrackerWebhookTest.adapter(Map.of());
  }

  @AfterEach
  void close() {
    rt.close();
  }

  private static TicketSpec ticket(Map<String, String> fields) {
    return new TicketSpec("conv-1", "wa-1", "subject", "WhatsApp", null, fields, null);
  }

  private static Requester requester(Map<String, String> fields) {
    return new Requester(
        "cust-1", "Kerry", "+15550001234", Map.of("whatsapp", "15550001234"), "en", null, fields);
  }

  @Test
  @DisplayName("a new ticket's requester key, unknown core key or Conversation Id is refused")
  void ticketKeys() {
    for (String key : new String[] {"requester.RealName", "Status", "cf.", "cf.Conversation Id"}) {
      assertThatThrownBy(() -> rt.openTicket(ticket(Map.of(key, "x"))))
          .as(key)
          .isInstanceOf(PermanentException.class)
          .hasMessageContaining(key);
    }
  }

  @Test
  @DisplayName("a requester's ticket key, unknown core key or read-only EmailAddress is refused")
  void requesterKeys() {
    for (String key : new String[] {"Subject", "requester.Foo", "requester.EmailAddress"}) {
      assertThatThrownBy(() -> rt.upsertRequester(requester(Map.of(key, "x"))))
          .as(key)
          .isInstanceOf(PermanentException.class)
          .hasMessageContaining(key);
    }
  }

  @Test
  @DisplayName("RT holds no orders: the list is empty without asking RT")
  void noOrders() throws Exception {
    assertThat(rt.capability(CustomerRecords.class).orElseThrow().orders("wa-1", 10)).isEmpty();
  }
}
