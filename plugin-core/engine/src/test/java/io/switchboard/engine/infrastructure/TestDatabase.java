package io.switchboard.engine.infrastructure;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 database (MODE=PostgreSQL, as the embedded default runs) with the engine's
 * Liquibase changelog applied by the production {@link SchemaMigration}, and an EclipseLink
 * persistence unit over it.
 */
public final class TestDatabase implements AutoCloseable {
  private final EntityManagerFactory emf;

  public TestDatabase() {
    String url = "jdbc:h2:mem:pipeline-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    SchemaMigration migration = new SchemaMigration();
    migration.dataSource = dataSource;
    migration.ensureMigrated();
    emf =
        Persistence.createEntityManagerFactory(
            "switchboard-test",
            Map.of(
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", ""));
  }

  public TestTransactions transactions() {
    return new TestTransactions(emf);
  }

  @Override
  public void close() {
    emf.close();
  }
}
