package io.switchboard.engine.application.sync;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.MappedFields;
import io.switchboard.sync.MappingSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Performs {@link SyncActions#SYNC_TO_CRM}: plans the customer's writes from the values now and the
 * last agreed state, writes each changed object's fields in one call, and records the new agreed
 * state after each write (a retry after a crash repeats at most one object's write, which {@link
 * MappedFields#writeFields} makes harmless). Values whose transform fails are left out and named on
 * the outbox row.
 */
@ApplicationScoped
public class SyncEffect {
  private static final Logger LOG = Logger.getLogger(SyncEffect.class.getName());

  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject MappingStore mappings;
  @Inject SyncPlanner planner;
  @Inject SyncStates states;

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    String connectionId = connectionOf(entry);
    CrmConnection connection =
        connections
            .crm(connectionId)
            .orElseThrow(
                () -> new PermanentException("CRM connection " + connectionId + " is gone", null));
    MappingSet set = mappings.current(connectionId).set();
    if (set.mappings().isEmpty()) {
      return "no field mapping on CRM connection " + connectionId;
    }
    List<SyncPlanner.ObjectWrite> plan = planner.plan(connectionId, entry.subjectId(), set);
    List<String> done = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    MappedFields fields = null;
    for (SyncPlanner.ObjectWrite w : plan) {
      w.problems().forEach((field, why) -> problems.add(field + ": " + why));
      if (w.values().isEmpty()) {
        continue;
      }
      if (fields == null) {
        fields = mappedFields(connection);
      }
      fields.writeFields(w.target(), w.objectId(), w.values());
      states.agreed(connectionId, w.target(), w.objectId(), w.values(), w.bridgeValues());
      done.add(
          w.target().name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + w.objectId()
              + " "
              + w.values().keySet());
    }
    if (!problems.isEmpty()) {
      LOG.warning(
          "sync of customer "
              + entry.subjectId()
              + " into CRM connection "
              + connectionId
              + " left out fields whose value cannot be made: "
              + problems);
    }
    String outcome = done.isEmpty() ? "in sync, nothing to write" : "wrote " + done;
    return problems.isEmpty() ? outcome : outcome + "; not written: " + problems;
  }

  private MappedFields mappedFields(CrmConnection connection) throws PermanentException {
    return registry
        .adapter(connection)
        .capability(MappedFields.class)
        .orElseThrow(
            () ->
                new PermanentException(
                    "CRM connection "
                        + connection.id()
                        + " ("
                        + connection.plugin()
                        + ") cannot write fields: its adapter lacks the MAPPED_FIELDS capability,"
                        + " so its field mapping cannot be applied",
                    null));
  }

  static String connectionOf(OutboxEntry entry) {
    return entry.target().substring(Sources.CRM.length());
  }
}
