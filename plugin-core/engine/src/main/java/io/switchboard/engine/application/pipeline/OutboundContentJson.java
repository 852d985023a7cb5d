package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.templates.TemplateParameterJson;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import io.switchboard.spi.content.Text;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The structured content of an outbound message in its {@code content_json} (the same column and
 * neutral style as {@link MessageContentJson} for inbound ones), marked {@code "outbound": true}:
 * text, an agent's file (its CRM reference, then its checked type and channel media id), or a
 * template with its typed parameters and rendered text. What {@link ChannelSendEffect} sends is
 * read back from here; a message without it (older replies) is sent as its body text.
 */
public final class OutboundContentJson {
  private OutboundContentJson() {}

  /**
   * What an outbound message holds: content ready to send, or a file still to upload, and the
   * channel id of the message it replies to (quotes), or {@code null}.
   */
  public record Stored(OutboundContent content, OutboundFile file, String replyTo) {
    public Stored(OutboundContent content, OutboundFile file) {
      this(content, file, null);
    }
  }

  /** A text that quotes one of the conversation's messages (by its channel id). */
  public static String textReplyingTo(Text text, String replyTo) {
    JsonObject o = EngineJson.PROVIDER.createReader(new StringReader(text(text))).readObject();
    return replyTo == null
        ? o.toString()
        : EngineJson.PROVIDER.createObjectBuilder(o).add("replyTo", replyTo).build().toString();
  }

  public static String text(Text text) {
    return base("text")
        .add("text", text.body())
        .add("previewUrl", text.previewUrl())
        .add("summary", text.body())
        .build()
        .toString();
  }

  public static String file(OutboundFile f) {
    JsonObjectBuilder b =
        base(f.kind() == null ? "file" : f.kind().typeName())
            .add("file", true)
            .add("crmReference", f.crmReference());
    put(b, "fileName", f.fileName());
    put(b, "claimedType", f.claimedType());
    if (f.kind() != null) {
      b.add("kind", f.kind().name());
    }
    put(b, "mimeType", f.mimeType());
    if (f.size() >= 0) {
      b.add("size", f.size());
    }
    put(b, "reference", f.mediaId());
    return b.add("summary", "[File: " + f.label() + "]").build().toString();
  }

  public static String template(Template t, String rendered) {
    JsonArrayBuilder components = EngineJson.PROVIDER.createArrayBuilder();
    for (TemplateComponent c : t.components()) {
      JsonArrayBuilder params = EngineJson.PROVIDER.createArrayBuilder();
      c.parameters().forEach(p -> params.add(TemplateParameterJson.write(p)));
      JsonObjectBuilder o =
          EngineJson.PROVIDER
              .createObjectBuilder()
              .add("part", c.part().name())
              .add("buttonIndex", c.buttonIndex());
      put(o, "buttonKind", c.buttonKind());
      components.add(o.add("parameters", params));
    }
    return base("template")
        .add("name", t.name())
        .add("language", t.language())
        .add("components", components)
        .add("rendered", rendered)
        .add("summary", "[Template " + t.name() + "] " + rendered)
        .build()
        .toString();
  }

  /** A {@code /template} command that did not pass the checks, with its problems. */
  public static String refusedTemplate(
      String name, List<io.switchboard.engine.application.templates.TemplateProblem> problems) {
    JsonArrayBuilder a = EngineJson.PROVIDER.createArrayBuilder();
    for (var p : problems) {
      a.add(
          EngineJson.PROVIDER
              .createObjectBuilder()
              .add("reason", p.reason())
              .add("part", p.part())
              .add("detail", p.detail()));
    }
    return base("template")
        .add("name", name)
        .add("refused", true)
        .add("problems", a)
        .add("summary", "[Template " + name + " not sent]")
        .build()
        .toString();
  }

  /** The same content, marked with the window the message went out in. */
  public static String withWindow(String json, String window) {
    if (json == null || json.isBlank() || window == null) {
      return json;
    }
    JsonObject o = EngineJson.PROVIDER.createReader(new StringReader(json)).readObject();
    return EngineJson.PROVIDER.createObjectBuilder(o).add("window", window).build().toString();
  }

  /**
   * The window an outbound message went out in ({@code customer-service}, ...), or {@code null}.
   */
  public static String windowOf(Message m) {
    if (m.contentJson() == null || m.contentJson().isBlank()) {
      return null;
    }
    JsonObject o = EngineJson.PROVIDER.createReader(new StringReader(m.contentJson())).readObject();
    return o.getBoolean("outbound", false) ? o.getString("window", null) : null;
  }

  /** The template name of a stored template message, or {@code null}. */
  public static String templateName(Message m) {
    if (m.contentJson() == null || m.contentJson().isBlank()) {
      return null;
    }
    JsonObject o = EngineJson.PROVIDER.createReader(new StringReader(m.contentJson())).readObject();
    return "template".equals(o.getString("type", "")) ? o.getString("name", null) : null;
  }

  /** What a stored outbound message holds (its body as text when it has no content JSON). */
  public static Stored read(Message m) {
    String json = m.contentJson();
    if (json == null || json.isBlank()) {
      return new Stored(Text.of(m.body() == null ? "" : m.body()), null);
    }
    JsonObject o = EngineJson.PROVIDER.createReader(new StringReader(json)).readObject();
    if (o.getBoolean("file", false)) {
      return new Stored(null, file(o));
    }
    if ("template".equals(o.getString("type", ""))) {
      return new Stored(template(o), null);
    }
    Optional<OutboundContent> neutral = NeutralOutboundContent.read(o);
    if (neutral.isPresent()) {
      return new Stored(neutral.get(), null);
    }
    return new Stored(
        new Text(
            o.getString("text", m.body() == null ? "" : m.body()),
            o.getBoolean("previewUrl", false)),
        null,
        o.getString("replyTo", null));
  }

  private static OutboundFile file(JsonObject o) {
    String kind = o.getString("kind", null);
    return new OutboundFile(
        o.getString("crmReference"),
        o.getString("fileName", null),
        o.getString("claimedType", null),
        kind == null ? null : MediaKind.valueOf(kind),
        o.getString("mimeType", null),
        o.containsKey("size") ? o.getJsonNumber("size").longValue() : -1,
        o.getString("reference", null));
  }

  private static Template template(JsonObject o) {
    List<TemplateComponent> components = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("components")) {
      JsonObject c = v.asJsonObject();
      List<TemplateParameter> params = new ArrayList<>();
      c.getJsonArray("parameters").forEach(p -> params.add(TemplateParameterJson.read(p)));
      components.add(
          new TemplateComponent(
              TemplateComponent.Part.valueOf(c.getString("part")),
              c.getInt("buttonIndex", -1),
              c.getString("buttonKind", null),
              params));
    }
    return new Template(o.getString("name"), o.getString("language"), components);
  }

  private static JsonObjectBuilder base(String type) {
    return EngineJson.PROVIDER.createObjectBuilder().add("type", type).add("outbound", true);
  }

  private static void put(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}
