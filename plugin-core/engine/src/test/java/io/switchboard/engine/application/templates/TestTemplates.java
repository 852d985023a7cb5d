package io.switchboard.engine.application.templates;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import io.switchboard.spi.channel.capability.TemplateDefinition.Part;
import java.time.Instant;
import java.util.List;

/** Templates as a WhatsApp Business Account holds them, for tests. */
public final class TestTemplates {
  private TestTemplates() {}

  /** An image header, a body of two, a footer and a URL button with a suffix. */
  public static TemplateDefinition orderUpdate() {
    return new TemplateDefinition(
        "1001",
        "order_update",
        "en_US",
        "UTILITY",
        "APPROVED",
        null,
        List.of(
            new Part("HEADER", "IMAGE", null, 1, List.of("https://shop.example/p.jpg"), null, -1),
            new Part(
                "BODY",
                null,
                "Order {{1}} ships on {{2}}.",
                2,
                List.of("4567", "Monday"),
                null,
                -1),
            new Part("FOOTER", null, "Thank you for shopping with us", 0, null, null, -1),
            new Part(
                "BUTTON", "URL", "https://shop.example/track/{{1}}", 1, List.of("4567"), null, 0)));
  }

  /** The same template in Arabic: a body of two, nothing else. */
  public static TemplateDefinition orderUpdateArabic() {
    return new TemplateDefinition(
        "1002",
        "order_update",
        "ar",
        "UTILITY",
        "APPROVED",
        null,
        List.of(new Part("BODY", null, "طلبك {{1}} يُشحن يوم {{2}}.", 2, List.of(), null, -1)));
  }

  /** A body with one named parameter. */
  public static TemplateDefinition welcome() {
    return new TemplateDefinition(
        "1003",
        "welcome",
        "en_US",
        "MARKETING",
        "APPROVED",
        null,
        List.of(
            new Part(
                "BODY",
                null,
                "Hello {{first_name}}, welcome back!",
                1,
                List.of("Amal"),
                List.of("first_name"),
                -1)));
  }

  /** A template Meta paused. */
  public static TemplateDefinition pausedPromo() {
    return new TemplateDefinition(
        "1004",
        "promo",
        "en_US",
        "MARKETING",
        "PAUSED",
        "low quality",
        List.of(new Part("BODY", null, "Sale today", 0, List.of(), null, -1)));
  }

  /** A definition as the engine stores it. */
  public static ChannelTemplate stored(TemplateDefinition d) {
    ChannelTemplate t = new ChannelTemplate("default", "wa", d.name(), d.language(), Instant.EPOCH);
    t.synced(
        d.id(),
        d.category(),
        d.status(),
        d.statusReason(),
        TemplatePartsJson.write(d.parts()),
        TemplatePartsJson.counts(d.parts()),
        Instant.EPOCH);
    return t;
  }
}
