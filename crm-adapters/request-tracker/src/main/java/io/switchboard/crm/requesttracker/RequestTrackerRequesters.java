package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.RequestTrackerRestClient.Answer;
import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.capability.FieldTarget;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Customers as RT users: an unprivileged user named {@code wa-<WhatsApp id>} (or {@code ph-<phone
 * digits>}, {@code <channel>-<id>}, {@code sb-<customer id>} when there is no WhatsApp id), with
 * RealName, MobilePhone (E.164), the user custom fields {@code WhatsApp Id} and {@code Preferred
 * Language}, and the address {@code <name>@example.invalid}: the {@code .invalid} top-level domain
 * can never receive mail (RFC 2606), so RT's notifications never reach a customer by e-mail, yet
 * the address identifies the user uniquely for the mail gateway. Also reads users for the other
 * roles (authors of messages, owners).
 */
final class RequestTrackerRequesters {
  static final String USER_CF_WHATSAPP_ID = "WhatsApp Id";
  static final String USER_CF_LANGUAGE = "Preferred Language";

  /**
   * The customer's real e-mail address: RT's EmailAddress holds the adapter's {@code .invalid}
   * placeholder, by which the mail gateway finds the requester, so the real one lives here.
   */
  static final String USER_CF_CUSTOMER_EMAIL = "Customer Email";

  private static final Pattern REQUESTER_NAME = Pattern.compile("[a-z0-9._]+-[a-z0-9._-]+");

  private final RequestTrackerRestClient rt;
  private final RequestTrackerMappedFields mappedFields;

  RequestTrackerRequesters(RequestTrackerRestClient rt, RequestTrackerMappedFields mappedFields) {
    this.rt = rt;
    this.mappedFields = mappedFields;
  }

  /**
   * Finds or creates the customer's RT user and brings its fields up to date: name, phone, the
   * WhatsApp id, language and real e-mail address ({@link #USER_CF_CUSTOMER_EMAIL}), then the
   * mapped {@code requester.*} fields (an unknown or read-only key is a PermanentException naming
   * it, checked before anything is written).
   */
  String upsert(Requester requester) throws RetryableException, PermanentException {
    for (String key : requester.fields().keySet()) {
      RequestTrackerMappedFields.requireWritable(FieldTarget.REQUESTER, key);
    }
    String name = upsertRecord(requester);
    if (!requester.fields().isEmpty()) {
      mappedFields.writeFields(FieldTarget.REQUESTER, name, requester.fields());
    }
    return name;
  }

  private String upsertRecord(Requester requester) throws RetryableException, PermanentException {
    String name = requesterName(requester);
    Map<String, String> fields = new LinkedHashMap<>();
    String whatsAppId = requester.channelIds().get("whatsapp");
    if (whatsAppId != null) {
      fields.put(USER_CF_WHATSAPP_ID, whatsAppId);
    }
    if (requester.language() != null) {
      fields.put(USER_CF_LANGUAGE, requester.language());
    }
    if (requester.email() != null && !requester.email().isBlank()) {
      fields.put(USER_CF_CUSTOMER_EMAIL, requester.email().trim());
    }
    Optional<RtUser> current = find(name);
    if (current.isEmpty()) {
      return create(
          new RtUser(
              name,
              requester.displayName(),
              name + "@example.invalid",
              requester.phoneE164(),
              fields));
    }
    // The address stays as it is once set: the mail gateway finds the requester by it.
    String email = current.get().emailAddress() == null ? name + "@example.invalid" : null;
    RtUser wanted = new RtUser(name, requester.displayName(), email, requester.phoneE164(), fields);
    if (!wanted.isSatisfiedBy(current.get())) {
      rt.put(path(name), wanted.toUpdateJson()).requireSuccess("updating RT user " + name);
    }
    return name;
  }

  private String create(RtUser wanted) throws RetryableException, PermanentException {
    try {
      rt.post("/user", wanted.toCreateJson());
    } catch (PermanentException refused) {
      // Another caller may have created it meanwhile: then it is there now.
      if (find(wanted.name()).isEmpty()) {
        throw refused;
      }
    }
    RtUser stored =
        find(wanted.name())
            .orElseThrow(() -> RequestTrackerRestClient.notStored("user " + wanted.name()));
    requireStored(wanted, stored);
    return wanted.name();
  }

  /** The RT user name of a customer: deterministic, so every upsert finds the same user. */
  static String requesterName(Requester requester) {
    String whatsApp = requester.channelIds().get("whatsapp");
    if (whatsApp != null && !whatsApp.isBlank()) {
      return "wa-" + safe(whatsApp);
    }
    if (requester.phoneE164() != null && requester.phoneE164().matches("\\+?[0-9 ()-]{4,}")) {
      return "ph-" + requester.phoneE164().replaceAll("[^0-9]", "");
    }
    Optional<Map.Entry<String, String>> other =
        requester.channelIds().entrySet().stream().min(Map.Entry.comparingByKey());
    if (other.isPresent()) {
      return safe(other.get().getKey()) + "-" + safe(other.get().getValue());
    }
    return "sb-" + safe(requester.customerId());
  }

  /**
   * Whether a user name is one {@link #requesterName} makes ({@code <kind>-<id>} of lower-case
   * letters, digits, dots, underscores and dashes): users RT made for e-mail senders are named by
   * their address, agents by their login.
   */
  static boolean isRequesterName(String name) {
    return name != null && REQUESTER_NAME.matcher(name).matches();
  }

  private static String safe(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
  }

  /** An RT user by name or numeric id; empty when RT does not know it. */
  Optional<RtUser> find(String nameOrId) throws RetryableException, PermanentException {
    Optional<Answer> answer = rt.find(path(nameOrId));
    return answer.isEmpty()
        ? Optional.empty()
        : Optional.of(RtUser.fromJson(answer.get().object()));
  }

  private static String path(String nameOrId) {
    return "/user/" + RequestTrackerRestClient.encode(nameOrId);
  }

  private static void requireStored(RtUser wanted, RtUser stored) throws PermanentException {
    if (!wanted.isSatisfiedBy(stored)) {
      throw new PermanentException(
          "RT created user "
              + wanted.name()
              + " but did not store all its fields (wanted custom fields "
              + wanted.customFields().keySet()
              + ", got "
              + stored.customFields().keySet()
              + "): are the user custom fields "
              + USER_CF_WHATSAPP_ID
              + ", "
              + USER_CF_LANGUAGE
              + " and "
              + USER_CF_CUSTOMER_EMAIL
              + " defined and visible to the API user?",
          null);
    }
  }
}
