package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.CustomerProfile;
import io.switchboard.spi.crm.capability.CustomerRecords;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.OrderRecord;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What RT holds about a requester: the profile is the RT user (RealName; the real address from the
 * user custom field {@code Customer Email}, since EmailAddress is the adapter's {@code .invalid}
 * placeholder; MobilePhone; Lang, else the {@code Preferred Language} field) with every user custom
 * field value in {@code fields} by its schema key ({@code requester.cf.<name>}). RT holds no
 * orders: {@link #orders} is always empty (order summaries on tickets, such as {@code Last Order
 * Number}, are ticket fields the bridge writes, not an order history).
 */
final class RequestTrackerCustomerRecords implements CustomerRecords {
  private final RequestTrackerRestClient rt;

  RequestTrackerCustomerRecords(RequestTrackerRestClient rt) {
    this.rt = rt;
  }

  @Override
  public Optional<CustomerProfile> profile(String requesterId)
      throws RetryableException, PermanentException {
    if (requesterId == null || requesterId.isBlank()) {
      return Optional.empty();
    }
    Optional<RequestTrackerRestClient.Answer> answer =
        rt.find("/user/" + RequestTrackerRestClient.encode(requesterId));
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    JsonObject user = answer.get().object();
    Map<String, String> fields = new LinkedHashMap<>();
    RtJson.customFields(user.get("CustomFields"))
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                fields.put(
                    RequestTrackerFieldChanges.customFieldKey(FieldTarget.REQUESTER, name),
                    String.join(",", values));
              }
            });
    String language = RtJson.nonBlank(user, "Lang");
    if (language == null) {
      language = fields.get(key(RequestTrackerRequesters.USER_CF_LANGUAGE));
    }
    return Optional.of(
        new CustomerProfile(
            RtJson.text(user, "Name"),
            RtJson.nonBlank(user, "RealName"),
            fields.get(key(RequestTrackerRequesters.USER_CF_CUSTOMER_EMAIL)),
            RtJson.nonBlank(user, "MobilePhone"),
            language,
            fields));
  }

  /** Always empty: RT keeps no orders (see the class comment). */
  @Override
  public List<OrderRecord> orders(String requesterId, int limit) {
    return List.of();
  }

  private static String key(String userField) {
    return RequestTrackerFieldChanges.customFieldKey(FieldTarget.REQUESTER, userField);
  }
}
