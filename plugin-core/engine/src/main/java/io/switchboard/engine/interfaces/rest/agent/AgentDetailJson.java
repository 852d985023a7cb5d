package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.AgentConversations;
import io.switchboard.engine.application.conversations.CustomerProfiles;
import io.switchboard.engine.domain.Customer;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** One conversation's detail: the summary's members plus window, referral, viewers, customer. */
final class AgentDetailJson {
  private AgentDetailJson() {}

  static JsonObject of(AgentConversations.Detail d) {
    JsonObjectBuilder b = AgentJson.summary(d.summary());
    var w = d.windowed();
    b.add(
        "window",
        AgentJson.window(w == null ? null : w.window(), w == null ? null : w.windowProblem()));
    String referral = d.summary().conversation().referralJson();
    var parsed = io.switchboard.engine.infrastructure.EngineJson.objectOrEmpty(referral);
    if (parsed.isPresent()) {
      b.add("referral", parsed.get());
    } else {
      b.addNull("referral");
    }
    b.add(
        "viewers",
        AgentJson.array(
            d.viewers(),
            v ->
                AgentJson.object()
                    .add("login", v.login())
                    .add("name", v.name() == null ? v.login() : v.name())
                    .add("typing", v.typing())
                    .build()));
    b.add("customer", customer(d));
    return b.build();
  }

  private static JsonObject customer(AgentConversations.Detail d) {
    JsonObjectBuilder c = AgentJson.object();
    Customer cu = d.profile().map(CustomerProfiles.Profile::customer).orElse(null);
    AgentJson.nullable(c, "id", d.summary().conversation().customerId());
    AgentJson.nullable(c, "name", cu == null ? null : cu.displayName());
    AgentJson.nullable(c, "phone", cu == null ? null : cu.phoneE164());
    AgentJson.nullable(c, "email", cu == null ? null : cu.email());
    AgentJson.nullable(c, "language", cu == null ? null : cu.language());
    JsonObjectBuilder fields = AgentJson.object();
    if (cu != null) {
      AgentJson.nullable(fields, "email", cu.email());
      AgentJson.nullable(fields, "language", cu.language());
    }
    c.add("fields", fields);
    c.add(
        "identities",
        AgentJson.array(
            d.profile().map(CustomerProfiles.Profile::identities).orElse(java.util.List.of()),
            i -> AgentJson.object().add("kind", i.kind()).add("value", i.value()).build()));
    c.add("orders", AgentJson.array(d.orders(), AgentInboxResource::order));
    c.add(
        "conversations",
        AgentJson.array(
            d.earlier(),
            e -> {
              JsonObjectBuilder o =
                  AgentJson.object()
                      .add("id", e.conversation().id())
                      .add("channel", e.conversation().channelId())
                      .add("status", e.conversation().status())
                      .add("createdAt", e.conversation().createdAt().toString());
              JsonObject t = AgentJson.ticket(e.conversation().crmTicketId(), e.ticketUrl());
              if (t == null) {
                o.addNull("ticket");
              } else {
                o.add("ticket", t);
              }
              return o.build();
            }));
    return c.build();
  }
}
