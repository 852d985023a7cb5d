package io.switchboard.sandbox.whatsapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates the sandbox starts with, in {@code en_US} and {@code ar}: approved ones with 0, 1,
 * 2 and 3 body parameters, an image header, quick-reply and URL buttons, plus one {@code PENDING}
 * and one {@code REJECTED} template (which cannot be sent).
 */
final class DefaultTemplates {
  private DefaultTemplates() {}

  static List<MessageTemplate> all() {
    return List.of(
        template(
            "1100000000000001",
            "order_update",
            "en_US",
            "APPROVED",
            "UTILITY",
            textHeader("Order update"),
            body("Hi {{1}}, your order {{2}} is on its way.", List.of("Maria", "#1042")),
            footer("Reply STOP to opt out"),
            buttons(quickReply("Track order"), quickReply("Talk to an agent"))),
        template(
            "1100000000000002",
            "order_update",
            "ar",
            "APPROVED",
            "UTILITY",
            textHeader("\u062a\u062d\u062f\u064a\u062b \u0627\u0644\u0637\u0644\u0628"),
            body(
                "\u0645\u0631\u062d\u0628\u0627 {{1}}\u060c \u0637\u0644\u0628\u0643 {{2}}"
                    + " \u0641\u064a \u0627\u0644\u0637\u0631\u064a\u0642.",
                List.of("\u0645\u0631\u064a\u0645", "#1042"))),
        template(
            "1100000000000003",
            "welcome_back",
            "en_US",
            "APPROVED",
            "MARKETING",
            body("Welcome back! How can we help you today?", List.of()),
            buttons(quickReply("Yes please"), quickReply("No thanks"))),
        template(
            "1100000000000004",
            "welcome_back",
            "ar",
            "APPROVED",
            "MARKETING",
            body(
                "\u0623\u0647\u0644\u0627 \u0628\u0639\u0648\u062f\u062a\u0643! \u0643\u064a\u0641"
                    + " \u064a\u0645\u0643\u0646\u0646\u0627 \u0645\u0633\u0627\u0639\u062f\u062a\u0643"
                    + " \u0627\u0644\u064a\u0648\u0645\u061f",
                List.of())),
        template(
            "1100000000000005",
            "delivery_photo",
            "en_US",
            "APPROVED",
            "UTILITY",
            mediaHeader("IMAGE", "https://scontent.whatsapp.net/sandbox/delivery-example.jpg"),
            body("Your parcel {{1}} was delivered. Here is the photo.", List.of("#1042"))),
        template(
            "1100000000000006",
            "payment_due",
            "en_US",
            "APPROVED",
            "UTILITY",
            body(
                "Hi {{1}}, a payment of {{2}} is due on {{3}}.",
                List.of("Maria", "$25.00", "May 1")),
            buttons(urlButton("Pay now", "https://pay.example.com/invoice/{{1}}", "INV-1042"))),
        template(
            "1100000000000007",
            "payment_due",
            "ar",
            "APPROVED",
            "UTILITY",
            body(
                "\u0645\u0631\u062d\u0628\u0627 {{1}}\u060c \u064a\u0633\u062a\u062d\u0642 \u062f\u0641\u0639"
                    + " {{2}} \u0641\u064a {{3}}.",
                List.of("\u0645\u0631\u064a\u0645", "25.00 USD", "1 \u0645\u0627\u064a\u0648")),
            buttons(
                urlButton(
                    "\u0627\u062f\u0641\u0639",
                    "https://pay.example.com/invoice/{{1}}",
                    "INV-1042"))),
        template(
            "1100000000000008",
            "spring_sale",
            "en_US",
            "PENDING",
            "MARKETING",
            body("Spring sale: {{1}} off everything this week!", List.of("20%"))),
        template(
            "1100000000000009",
            "promo_code",
            "en_US",
            "REJECTED",
            "MARKETING",
            body("Use code {{1}} for a gift!", List.of("GIFT10"))));
  }

  @SafeVarargs
  private static MessageTemplate template(
      String id,
      String name,
      String language,
      String status,
      String category,
      Map<String, Object>... components) {
    return new MessageTemplate(id, name, language, status, category, List.of(components));
  }

  private static Map<String, Object> textHeader(String text) {
    return object("type", "HEADER", "format", "TEXT", "text", text);
  }

  private static Map<String, Object> mediaHeader(String format, String exampleUrl) {
    return object(
        "type",
        "HEADER",
        "format",
        format,
        "example",
        object("header_handle", List.of(exampleUrl)));
  }

  private static Map<String, Object> body(String text, List<String> example) {
    return example.isEmpty()
        ? object("type", "BODY", "text", text)
        : object("type", "BODY", "text", text, "example", object("body_text", List.of(example)));
  }

  private static Map<String, Object> footer(String text) {
    return object("type", "FOOTER", "text", text);
  }

  @SafeVarargs
  private static Map<String, Object> buttons(Map<String, Object>... buttons) {
    return object("type", "BUTTONS", "buttons", List.of(buttons));
  }

  private static Map<String, Object> quickReply(String text) {
    return object("type", "QUICK_REPLY", "text", text);
  }

  private static Map<String, Object> urlButton(String text, String url, String example) {
    return object(
        "type", "URL", "text", text, "url", url, "example", List.of(url.replace("{{1}}", example)));
  }

  private static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(object);
  }
}
