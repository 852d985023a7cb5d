package io.switchboard.bench.baseline;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The baseline's data source, declared exactly like the engine's (same pool sizes), with its values
 * from MicroProfile Config ({@code BASELINE_DB_URL}, {@code BASELINE_DB_CLASS}, {@code
 * BASELINE_DB_USER}, {@code BASELINE_DB_PASSWORD}), so both sides of the benchmark use the same
 * kind of database.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/baseline",
    className = "${MPCONFIG=baseline.db.class}",
    url = "${MPCONFIG=baseline.db.url}",
    user = "${MPCONFIG=baseline.db.user}",
    password = "${MPCONFIG=baseline.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32)
@ApplicationScoped
public class BaselineDataSource {}
