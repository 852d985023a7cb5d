package io.switchboard.engine.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with the one Liquibase changelog ({@code db/changelog.sql}) before
 * anything else touches the database. Liquibase's lock table keeps concurrent instances apart.
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  static final String CHANGELOG = "db/changelog.sql";

  @Resource(lookup = "java:app/jdbc/switchboard")
  DataSource dataSource;

  private volatile boolean migrated;

  /** Runs the migration once per deployment; later calls return at once. */
  public synchronized void ensureMigrated() {
    if (migrated) {
      return;
    }
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Scope.child(
          Map.of(
              Scope.Attr.resourceAccessor.name(),
              new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader())),
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .execute());
      migrated = true;
      LOG.info(
          () ->
              "Schema up to date ("
                  + database.getDatabaseProductName()
                  + ") in "
                  + (System.nanoTime() - start) / 1_000_000
                  + " ms");
    } catch (Exception e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }
}
