package io.switchboard.crm.requesttracker.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RT user as the adapter reads and writes it: a requester (customer) or an agent.
 *
 * @param name the login name, REST2's id of the user
 * @param realName the display name, or {@code null}
 * @param emailAddress the e-mail address, or {@code null}
 * @param mobilePhone RT's built-in MobilePhone field, or {@code null}
 * @param customFields user custom field values by name (first value only)
 * @param privileged whether RT counts the user as staff ({@code Privileged = 1}); customers are not
 */
public record RtUser(
    String name,
    String realName,
    String emailAddress,
    String mobilePhone,
    Map<String, String> customFields,
    boolean privileged) {

  public RtUser {
    Objects.requireNonNull(name, "name");
    customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
  }

  /** An unprivileged user, as the adapter writes customers. */
  public RtUser(
      String name,
      String realName,
      String emailAddress,
      String mobilePhone,
      Map<String, String> customFields) {
    this(name, realName, emailAddress, mobilePhone, customFields, false);
  }

  /** Reads a REST2 user record. */
  public static RtUser fromJson(JsonObject json) {
    Map<String, String> fields = new LinkedHashMap<>();
    RtJson.customFields(json.get("CustomFields"))
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                fields.put(name, values.get(0));
              }
            });
    return new RtUser(
        RtJson.text(json, "Name"),
        RtJson.nonBlank(json, "RealName"),
        RtJson.nonBlank(json, "EmailAddress"),
        RtJson.nonBlank(json, "MobilePhone"),
        fields,
        "1".equals(RtJson.text(json, "Privileged")));
  }

  /** The JSON to create this user ({@code POST /user}). */
  public JsonObject toCreateJson() {
    return fieldsJson(RtJson.JSON.createObjectBuilder().add("Name", name)).build();
  }

  /** The JSON to update this user's fields ({@code PUT /user/{name}}). */
  public JsonObject toUpdateJson() {
    return fieldsJson(RtJson.JSON.createObjectBuilder()).build();
  }

  private JsonObjectBuilder fieldsJson(JsonObjectBuilder json) {
    if (realName != null) {
      json.add("RealName", realName);
    }
    if (emailAddress != null) {
      json.add("EmailAddress", emailAddress);
    }
    if (mobilePhone != null) {
      json.add("MobilePhone", mobilePhone);
    }
    if (!customFields.isEmpty()) {
      JsonObjectBuilder cfs = RtJson.JSON.createObjectBuilder();
      customFields.forEach(cfs::add);
      json.add("CustomFields", cfs);
    }
    return json;
  }

  /** Whether every value this user sets is already held by {@code current}. */
  public boolean isSatisfiedBy(RtUser current) {
    return (realName == null || realName.equals(current.realName))
        && (emailAddress == null || emailAddress.equalsIgnoreCase(current.emailAddress))
        && (mobilePhone == null || mobilePhone.equals(current.mobilePhone))
        && customFields.entrySet().stream()
            .allMatch(e -> e.getValue().equals(current.customFields.get(e.getKey())));
  }
}
