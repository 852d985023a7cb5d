package io.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every integration-test run empty databases before any container starts (Arquillian starts
 * Payara Micro before a test class's own set-up could run): drops and recreates the PostgreSQL
 * databases the tests use, and deletes the H2 directory.
 */
public class FreshDatabases implements LauncherSessionListener {
  public static final String POSTGRES_ROOT = "jdbc:postgresql://127.0.0.1:5432/postgres";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("payara.microJar") == null) {
      return; // not the integration-test JVM
    }
    recreatePostgres("switchboard_e2e");
    recreatePostgres("switchboard_durability");
    String h2Dir = System.getProperty("switchboard.it.h2Dir");
    if (h2Dir != null) {
      deleteTree(Path.of(h2Dir));
    }
  }

  /** Drops (ending its sessions) and creates a database on the local PostgreSQL. */
  public static void recreatePostgres(String name) {
    try (Connection c = DriverManager.getConnection(POSTGRES_ROOT, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
      s.execute("drop database if exists " + name);
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL on 127.0.0.1:5432 (trust auth) is needed for the integration tests: "
              + e.getMessage(),
          e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The system properties of a Payara Micro bridge on one of these PostgreSQL databases. */
  public static Map<String, String> bridgeOn(String database) {
    Map<String, String> p = new HashMap<>();
    p.put("switchboard.db.url", "jdbc:postgresql://127.0.0.1:5432/" + database);
    p.put("switchboard.db.class", "org.postgresql.ds.PGSimpleDataSource");
    p.put("switchboard.db.user", "postgres");
    p.put("switchboard.db.password", "postgres");
    p.put("switchboard.secrets.key", System.getProperty("switchboard.it.secretsKey"));
    p.put("switchboard.admin.token", System.getProperty("switchboard.it.adminToken"));
    return p;
  }

  /** The single number a {@code select count(*) ...} answers on that database. */
  public static long count(String database, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
