package io.switchboard.engine.infrastructure;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database of its own on 127.0.0.1:5432 (trust auth, created from the database {@code
 * test}), with the engine's changelog applied by the production {@link SchemaMigration}, and
 * dropped on close. For tests that need what H2 does not prove (row locks between instances).
 */
public final class ThrowawayPostgres implements AutoCloseable {
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";

  private final String name = "sb_test_" + UUID.randomUUID().toString().replace("-", "");
  private final EntityManagerFactory emf;

  public ThrowawayPostgres() {
    admin("create database " + name);
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser(USER);
    SchemaMigration migration = new SchemaMigration();
    migration.dataSource = dataSource;
    migration.ensureMigrated();
    emf =
        Persistence.createEntityManagerFactory(
            "switchboard-test",
            Map.of(
                "jakarta.persistence.jdbc.driver",
                "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url",
                url,
                "jakarta.persistence.jdbc.user",
                USER,
                "jakarta.persistence.jdbc.password",
                ""));
  }

  /** Whether the PostgreSQL these tests use answers. */
  public static boolean available() {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public TestTransactions transactions() {
    return new TestTransactions(emf);
  }

  @Override
  public void close() {
    emf.close();
    admin("drop database if exists " + name + " with (force)");
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + ADMIN_URL, e);
    }
  }
}
