package io.switchboard.engine.application.sync;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldSchema;
import io.switchboard.sync.MappingProblem;
import io.switchboard.sync.MappingSet;
import io.switchboard.sync.MappingValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What a CRM admin does with a connection's mapping: read the CRM's schema, validate a set against
 * it, save a new version (then every customer mirrored there is synced in the new form), roll back
 * to an old version (validated again: the CRM may have lost a field since).
 */
@ApplicationScoped
public class MappingAdmin {
  @Inject PluginRegistry registry;
  @Inject MappingStore store;
  @Inject SyncScheduler scheduler;

  /** The CRM's fields a mapping may target, read from the CRM now. */
  public List<FieldDescriptor> schema(CrmConnection connection)
      throws RetryableException, PermanentException {
    return registry
        .adapter(connection)
        .capability(FieldSchema.class)
        .orElseThrow(
            () ->
                new PermanentException(
                    "CRM connection "
                        + connection.id()
                        + " ("
                        + connection.plugin()
                        + ") cannot describe its fields (no FIELD_SCHEMA capability), so fields"
                        + " cannot be mapped",
                    null))
        .describeFields();
  }

  public List<MappingProblem> validate(CrmConnection connection, MappingSet set)
      throws RetryableException, PermanentException {
    return MappingValidator.validate(set, schema(connection));
  }

  /**
   * Saves a new version after validating it against the CRM's schema.
   *
   * @throws MappingRefusedException with a reason per field; nothing saved
   * @throws MappingStore.VersionConflictException when {@code baseVersion} is not the newest
   */
  public StoredMapping save(
      CrmConnection connection, MappingSet set, String author, String comment, Integer baseVersion)
      throws MappingRefusedException, RetryableException, PermanentException {
    List<MappingProblem> problems = validate(connection, set);
    if (!problems.isEmpty()) {
      throw new MappingRefusedException(problems);
    }
    StoredMapping saved = store.save(connection.id(), set, author, comment, baseVersion);
    scheduler.scheduleEveryone(connection.workspaceId(), connection.id());
    return saved;
  }

  /**
   * A new version with the mappings of an old one.
   *
   * @return empty when there is no such version
   */
  public java.util.Optional<StoredMapping> rollback(
      CrmConnection connection, int version, String author, String comment)
      throws MappingRefusedException, RetryableException, PermanentException {
    java.util.Optional<StoredMapping> old = store.version(connection.id(), version);
    if (old.isEmpty()) {
      return old;
    }
    String why = comment == null || comment.isBlank() ? "rollback to version " + version : comment;
    return java.util.Optional.of(save(connection, old.get().set(), author, why, null));
  }
}
