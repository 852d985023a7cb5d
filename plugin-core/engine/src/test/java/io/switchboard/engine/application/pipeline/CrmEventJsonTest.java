package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrmEventJsonTest {
  @Test
  @DisplayName("an agent reply survives the ledger's JSON form")
  void agentReplyRoundTrip() throws Exception {
    AgentReply reply =
        new AgentReply(
            "txn:62",
            "1",
            "agent1",
            "Your order ships tomorrow. ✓",
            List.of(),
            Instant.parse("2026-11-22T23:36:32Z"));
    assertThat(CrmEventJson.read(CrmEventJson.write(reply))).isEqualTo(reply);
  }

  @Test
  @DisplayName("an agent reply keeps its files (by reference) through the ledger's JSON form")
  void agentReplyWithFilesRoundTrip() throws Exception {
    AgentReply reply =
        new AgentReply(
            "txn:63",
            "1",
            "agent1",
            "Here is the new lid",
            List.of(
                new io.switchboard.spi.Attachment(
                    "lid.png", "image/png", -1, "rt-attachment:167", null),
                new io.switchboard.spi.Attachment(
                    "فاتورة.pdf", "application/pdf", 48213, "rt-attachment:168", null)),
            Instant.parse("2026-11-22T23:36:32Z"),
            "conv-1");
    assertThat(CrmEventJson.read(CrmEventJson.write(reply))).isEqualTo(reply);
  }

  @Test
  @DisplayName("an assignment change (also to nobody) survives the ledger's JSON form")
  void assignmentRoundTrip() throws Exception {
    CrmEvent to = new AssignmentChange("txn:58", "1", "agent1", Instant.EPOCH);
    CrmEvent none = new AssignmentChange("txn:59", "1", null, null);
    assertThat(CrmEventJson.read(CrmEventJson.write(to))).isEqualTo(to);
    assertThat(CrmEventJson.read(CrmEventJson.write(none))).isEqualTo(none);
  }

  @Test
  @DisplayName("SPI 2.1 field changes of tickets and requesters survive the ledger's JSON form")
  void fieldChangeRoundTrip() throws Exception {
    CrmEvent ticket =
        new io.switchboard.spi.crm.FieldChange(
            "txn:93",
            "42",
            io.switchboard.spi.crm.capability.FieldTarget.TICKET,
            "42",
            "cf.Preferred Language",
            "en",
            "ar",
            "agent1",
            Instant.parse("2026-12-02T15:00:00Z"));
    CrmEvent requester =
        new io.switchboard.spi.crm.FieldChange(
            "user-txn:17",
            null,
            io.switchboard.spi.crm.capability.FieldTarget.REQUESTER,
            "wa-16505551234",
            "requester.RealName",
            null,
            "كيري فيشر",
            null,
            null);
    assertThat(CrmEventJson.read(CrmEventJson.write(ticket))).isEqualTo(ticket);
    assertThat(CrmEventJson.read(CrmEventJson.write(requester))).isEqualTo(requester);
  }

  @Test
  @DisplayName("an unreadable stored event is reported as malformed")
  void malformed() {
    assertThatThrownBy(() -> CrmEventJson.read("{\"type\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class);
    assertThatThrownBy(
            () ->
                CrmEventJson.read(
                    "{\"type\":\"x\",\"eventId\":\"1\",\"ticketId\":\"2\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("unknown CRM event type x");
  }

  @Test
  @DisplayName("channel kinds come from plugin ids")
  void channelKinds() {
    assertThat(ChannelKinds.of("whatsapp-cloud")).isEqualTo("whatsapp");
    assertThat(ChannelKinds.of("messenger")).isEqualTo("messenger");
    assertThat(ChannelKinds.displayName("whatsapp")).isEqualTo("WhatsApp");
  }

  @Test
  @DisplayName("SPI v2 events round-trip: merges, groups, the conversation a reply's ticket names")
  void v2EventsRoundTrip() throws Exception {
    CrmEvent merged =
        new io.switchboard.spi.crm.TicketStatusChange(
            "txn:90", "5", io.switchboard.spi.crm.TicketState.MERGED, "7", Instant.EPOCH);
    CrmEvent group = new AssignmentChange("txn:91", "7", "agent2", "Billing", Instant.EPOCH);
    CrmEvent reply =
        new AgentReply("txn:92", "7", "agent2", "Hi", java.util.List.of(), Instant.EPOCH, "conv-1");
    for (CrmEvent e : java.util.List.of(merged, group, reply)) {
      assertThat(CrmEventJson.read(CrmEventJson.write(e))).isEqualTo(e);
    }
  }

  @Test
  @DisplayName("rows written before SPI v2 (no group, no conversation id) still read")
  void oldRowsStillRead() throws Exception {
    byte[] old =
        "{\"eventId\":\"txn:1\",\"ticketId\":\"1\",\"type\":\"assignment\",\"assignee\":\"a\",\"at\":null}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(CrmEventJson.read(old)).isEqualTo(new AssignmentChange("txn:1", "1", "a", null));
  }
}
