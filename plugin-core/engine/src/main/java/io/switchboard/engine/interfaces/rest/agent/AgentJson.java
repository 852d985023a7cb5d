package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.AgentSession;
import io.switchboard.engine.application.agent.InboxSummary;
import io.switchboard.engine.application.conversations.MessageReactions;
import io.switchboard.engine.application.media.MediaLinks;
import io.switchboard.engine.application.pipeline.ChannelKinds;
import io.switchboard.engine.application.pipeline.ConversationWindow;
import io.switchboard.engine.application.pipeline.FailureExplanations;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaStatus;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.engine.interfaces.rest.admin.MessageView;
import io.switchboard.spi.FailureReason;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The agent API's JSON: summaries, messages, windows, and its problem answers. */
final class AgentJson {
  private static final int PREVIEW = 120;

  private AgentJson() {}

  static JsonObjectBuilder object() {
    return EngineJson.PROVIDER.createObjectBuilder();
  }

  static JsonObjectBuilder object(JsonObject copy) {
    return EngineJson.PROVIDER.createObjectBuilder(copy);
  }

  static <T> JsonArrayBuilder array(Collection<T> items, Function<T, Object> toJson) {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    for (T i : items) {
      Object v = toJson.apply(i);
      if (v instanceof JsonObject o) {
        out.add(o);
      } else {
        out.add(String.valueOf(v));
      }
    }
    return out;
  }

  static JsonObjectBuilder nullable(JsonObjectBuilder b, String key, Object value) {
    return value == null ? b.addNull(key) : b.add(key, value.toString());
  }

  static JsonObject agent(AgentSession s) {
    return object().add("login", s.login()).add("name", s.name()).add("email", s.email()).build();
  }

  static JsonObject me(AgentSession s) {
    return object()
        .add("agent", agent(s))
        .add("crm", s.crm())
        .add("teams", array(s.teams(), t -> t))
        .add("expiresAt", s.expiresAt().toString())
        .build();
  }

  /** A ConversationSummary; the detail adds its members to the same builder. */
  static JsonObjectBuilder summary(InboxSummary s) {
    var c = s.conversation();
    JsonObjectBuilder b = object().add("id", c.id()).add("status", c.status());
    String kind = s.channel() == null ? null : ChannelKinds.of(s.channel().plugin());
    JsonObjectBuilder channel = object().add("id", c.channelId());
    nullable(channel, "kind", kind);
    nullable(channel, "name", kind == null ? null : ChannelKinds.displayName(kind));
    b.add("channel", channel);
    JsonObjectBuilder customer = object();
    nullable(customer, "id", c.customerId());
    nullable(customer, "name", s.customer() == null ? null : s.customer().displayName());
    nullable(customer, "phone", s.customer() == null ? null : s.customer().phoneE164());
    b.add("customer", customer);
    nullable(b, "assignee", c.assignee());
    nullable(b, "team", c.assignedGroup());
    b.add("labels", array(c.labels(), l -> l));
    JsonObject ticket = ticket(c.crmTicketId(), s.ticketUrl());
    if (ticket == null) {
      b.addNull("ticket");
    } else {
      b.add("ticket", ticket);
    }
    if (s.lastMessage() == null) {
      b.addNull("lastMessage");
    } else {
      Message m = s.lastMessage();
      b.add(
          "lastMessage",
          object()
              .add("direction", m.direction())
              .add("type", m.contentType())
              .add("preview", preview(m))
              .add("at", m.createdAt().toString()));
    }
    nullable(b, "waitingSince", s.waitingSince());
    b.add("unread", s.unread());
    JsonObjectBuilder window = object();
    if (s.window() == null) {
      window.addNull("open").addNull("closesAt");
    } else {
      window.add("open", s.window().open());
      nullable(window, "closesAt", s.window().open() ? s.window().closesAt() : null);
    }
    return b.add("window", window);
  }

  static JsonObject ticket(String id, String url) {
    if (id == null) {
      return null;
    }
    JsonObjectBuilder t = object().add("id", id);
    return nullable(t, "url", url).build();
  }

  /** The detail's window: open or not, which one, when it closes or closed, in words. */
  static JsonObject window(ConversationWindow w, String problem) {
    JsonObjectBuilder b = object();
    if (w == null) {
      return b.addNull("open")
          .addNull("kind")
          .addNull("closesAt")
          .addNull("closedSince")
          .add("detail", problem == null ? "the window is not known" : problem)
          .build();
    }
    b.add("open", w.open());
    nullable(b, "kind", w.window());
    nullable(b, "closesAt", w.open() ? w.closesAt() : null);
    nullable(b, "closedSince", w.open() ? null : w.closesAt());
    String detail;
    if (!w.applies()) {
      detail = "the channel takes free-form messages at any time";
    } else if (w.open()) {
      detail = "free-form messages can be sent until " + w.closesAt();
    } else if (w.closesAt() != null) {
      detail = "the window closed at " + w.closesAt() + ": choose a template";
    } else {
      detail = "the customer has not written yet: choose a template";
    }
    return b.add("detail", detail).build();
  }

  /** A message as the admin API shows it, with explanation, files and the note flag. */
  static JsonObject message(
      Message m,
      List<MessageReactions.Standing> reactions,
      List<MediaObject> media,
      MediaLinks links) {
    JsonObjectBuilder b = object();
    MessageView.of(m, reactions).toJson().forEach(b::add);
    nullable(b, "explanation", explanation(m));
    JsonArrayBuilder files = EngineJson.PROVIDER.createArrayBuilder();
    for (MediaObject o : media) {
      JsonObjectBuilder f =
          object().add("id", o.id()).add("status", o.status().name().toLowerCase(Locale.ROOT));
      nullable(f, "mimeType", o.detectedType() != null ? o.detectedType() : o.claimedType());
      nullable(f, "fileName", o.fileName());
      if (o.size() >= 0) {
        f.add("size", o.size());
      } else {
        f.addNull("size");
      }
      var link =
          o.status() == MediaStatus.STORED ? links.sign(o.id()) : Optional.<MediaLinks.Link>empty();
      nullable(f, "url", link.map(MediaLinks.Link::url).orElse(null));
      nullable(f, "path", link.map(MediaLinks.Link::path).orElse(null));
      files.add(f);
    }
    b.add("media", files);
    return b.add("note", m.isNote()).build();
  }

  private static String explanation(Message m) {
    if (m.status() != MessageStatus.FAILED) {
      return null;
    }
    if (m.failureReason() != null) {
      try {
        return FailureExplanations.of(FailureReason.valueOf(m.failureReason()));
      } catch (IllegalArgumentException e) {
        // an older reason name: the stored error message says it
      }
    }
    return m.errorMessage() == null
        ? FailureExplanations.of(FailureReason.OTHER)
        : m.errorMessage();
  }

  private static String preview(Message m) {
    String text = m.body() == null || m.body().isBlank() ? "[" + m.contentType() + "]" : m.body();
    text = text.strip().replaceAll("\\s+", " ");
    return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
  }

  static Response notFound(String what) {
    return Problem.of(404, "not-found", "No such item").withDetail(what).toResponse();
  }

  static Response invalid(String detail) {
    return Problem.of(400, "invalid-request", "Invalid request").withDetail(detail).toResponse();
  }

  static Response unprocessable(List<String> errors) {
    return Problem.of(422, "invalid-request", "The request cannot be taken")
        .withDetail(String.join("; ", errors))
        .with("errors", array(errors, e -> e).build())
        .toResponse();
  }

  static String text(JsonObject body, String key) {
    return body != null && body.get(key) instanceof jakarta.json.JsonString s
        ? s.getString()
        : null;
  }
}
