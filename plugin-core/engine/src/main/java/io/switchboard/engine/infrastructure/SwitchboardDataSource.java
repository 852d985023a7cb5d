package io.switchboard.engine.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The engine's data source. Its values come from MicroProfile Config, so the same archive runs on
 * the embedded H2 file database (default) and on PostgreSQL ({@code SWITCHBOARD_DB_URL}, {@code
 * SWITCHBOARD_DB_CLASS}, {@code SWITCHBOARD_DB_USER}, {@code SWITCHBOARD_DB_PASSWORD}).
 */
@DataSourceDefinition(
    name = "java:app/jdbc/switchboard",
    className = "${MPCONFIG=switchboard.db.class}",
    url = "${MPCONFIG=switchboard.db.url}",
    user = "${MPCONFIG=switchboard.db.user}",
    password = "${MPCONFIG=switchboard.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32)
@ApplicationScoped
public class SwitchboardDataSource {}
