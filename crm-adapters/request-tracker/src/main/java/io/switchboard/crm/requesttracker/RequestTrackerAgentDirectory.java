package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.AgentDirectory;
import io.switchboard.spi.crm.capability.CrmAgent;
import io.switchboard.spi.crm.capability.CrmGroup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RT's agents (privileged, enabled users other than the API user and RT's own users) with the
 * user-defined groups they belong to, and RT's queues as the groups tickets are assigned to. REST2
 * cannot search users by privilege, so each user's record is read: a directory is read when an
 * admin looks, not per message.
 */
final class RequestTrackerAgentDirectory implements AgentDirectory {
  private static final int PAGE = 100;
  private static final int MAX_PAGES = 50;
  private static final Set<String> RT_OWN_USERS = Set.of("RT_System", "Nobody");

  private final RequestTrackerRestClient rt;
  private final RequestTrackerRequesters users;
  private final String apiUser;

  RequestTrackerAgentDirectory(
      RequestTrackerRestClient rt, RequestTrackerRequesters users, String apiUser) {
    this.rt = rt;
    this.users = users;
    this.apiUser = apiUser;
  }

  @Override
  public List<CrmAgent> agents() throws RetryableException, PermanentException {
    Map<String, String> groupNames = new HashMap<>();
    List<CrmAgent> agents = new ArrayList<>();
    for (JsonObject item : pages("/users?fields=Name")) {
      String name = RtJson.nonBlank(item, "Name");
      if (name == null || RT_OWN_USERS.contains(name) || name.equalsIgnoreCase(apiUser)) {
        continue;
      }
      JsonObject record =
          rt.find("/user/" + RequestTrackerRestClient.encode(name)).map(this::object).orElse(null);
      if (record == null || "1".equals(RtJson.text(record, "Disabled"))) {
        continue;
      }
      RtUser user = RtUser.fromJson(record);
      if (!user.privileged()) {
        continue;
      }
      agents.add(
          new CrmAgent(
              user.name(), user.realName(), user.emailAddress(), groups(name, groupNames)));
    }
    return agents;
  }

  @Override
  public List<CrmGroup> groups() throws RetryableException, PermanentException {
    List<CrmGroup> queues = new ArrayList<>();
    for (JsonObject item : pages("/queues/all?fields=Name,Description")) {
      String name = RtJson.nonBlank(item, "Name");
      if (name != null) {
        queues.add(new CrmGroup(name, RtJson.nonBlank(item, "Description")));
      }
    }
    return queues;
  }

  /** The names of the user-defined RT groups a user is a direct member of. */
  private List<String> groups(String user, Map<String, String> names)
      throws RetryableException, PermanentException {
    List<String> groups = new ArrayList<>();
    for (JsonObject item :
        pages("/user/" + RequestTrackerRestClient.encode(user) + "/groups?fields=Name")) {
      String name = RtJson.nonBlank(item, "Name");
      String id = RtJson.text(item, "id");
      if (name == null && id != null) {
        name = names.get(id);
        if (name == null) {
          name = RtJson.nonBlank(rt.get("/group/" + id).object(), "Name");
          names.put(id, name);
        }
      }
      if (name != null) {
        groups.add(name);
      }
    }
    return groups;
  }

  private List<JsonObject> pages(String path) throws RetryableException, PermanentException {
    List<JsonObject> all = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonArray items =
          rt.get(path + separator + "per_page=" + PAGE + "&page=" + page)
              .object()
              .getJsonArray("items");
      if (items == null) {
        break;
      }
      for (JsonValue item : items) {
        all.add(item.asJsonObject());
      }
      if (items.size() < PAGE) {
        break;
      }
    }
    return all;
  }

  private JsonObject object(RequestTrackerRestClient.Answer answer) {
    try {
      return answer.object();
    } catch (PermanentException notAnObject) {
      return null;
    }
  }
}
