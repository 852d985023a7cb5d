package io.switchboard.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import io.switchboard.testkit.channel.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code switchboard.ear} on a real Payara Server 6 (full profile) against PostgreSQL, deployed
 * with {@code asadmin} as an administrator would: the EAR deploys, the plugins in the EAR's {@code
 * lib/} are found from the web module, Liquibase creates the schema, and a signed WhatsApp webhook
 * is stored while a forged one is refused.
 */
@DisplayName("switchboard.ear on Payara Server 6 with PostgreSQL")
class PayaraServerEarIT {
  private static final String APPLICATION = "switchboard";
  private static final String DATABASE = "switchboard_ear_it";
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final String APP_SECRET = "s3cret";
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> DROP_DATABASE =
      List.of(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
              + DATABASE
              + "'",
          "drop database if exists " + DATABASE);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ADMIN_TOKEN = randomBase64(24);

  private static PayaraServerDomain domain;
  private static boolean deployed;

  @RegisterExtension
  static final ServerLogOnFailure SERVER_LOG = new ServerLogOnFailure(() -> domain);

  @BeforeAll
  static void deployTheEarOnItsOwnDomain() {
    Instant started = Instant.now();
    Path home = Path.of(requiredProperty("payara.serverHome"));
    Path ear = Path.of(requiredProperty("switchboard.ear"));
    timed("database", PayaraServerEarIT::recreateDatabase);
    timed(
        "create-domain",
        () -> domain = PayaraServerDomain.create(home, "switchboard-ear-it", 28000));
    timed("start-domain", domain::start);
    timed("create-system-properties", () -> domain.setSystemProperties(engineConfiguration()));
    timed("deploy", () -> domain.deploy(ear, APPLICATION));
    deployed = true;
    System.out.printf(
        "switchboard.ear deployed on Payara Server (port base %d) in %d s%n",
        domain.portBase(), Duration.between(started, Instant.now()).toSeconds());
  }

  private static Map<String, String> engineConfiguration() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("switchboard.secrets.key", randomBase64(32));
    config.put("switchboard.admin.token", ADMIN_TOKEN);
    config.put("switchboard.db.class", "org.postgresql.ds.PGSimpleDataSource");
    config.put("switchboard.db.url", POSTGRES + DATABASE);
    config.put("switchboard.db.user", "postgres");
    // trust auth ignores it, but an empty password fails the deployment (notes/payara.md)
    config.put("switchboard.db.password", "ear-it");
    return config;
  }

  private static void timed(String step, Runnable action) {
    Instant start = Instant.now();
    action.run();
    System.out.printf(
        "PayaraServerEarIT %s: %.1f s%n",
        step, Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }

  @AfterAll
  static void removeDomainAndDatabase() {
    List<Throwable> failures = new ArrayList<>();
    if (deployed) {
      attempt(failures, () -> domain.undeploy(APPLICATION));
    }
    if (domain != null) {
      attempt(failures, domain::stop);
      attempt(failures, domain::delete);
    }
    attempt(failures, () -> execute(POSTGRES + "postgres", DROP_DATABASE));
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("clean-up failed: " + failures.get(0));
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  @Test
  @DisplayName("deploys as an enterprise application whose web module is the engine")
  void deploysAsEnterpriseApplicationWithTheEngineWebModule() {
    assertThat(domain.subComponents(APPLICATION)).contains("switchboard-engine.war");
  }

  @Test
  @DisplayName("is ready, with the PostgreSQL database up")
  void isReadyWithPostgresUp() {
    HttpResponse<String> ready = awaitReady();

    JsonObject health = json(ready.body());
    assertThat(health.getString("status")).isEqualTo("UP");
    JsonObject database =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("database"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database check in " + health));
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("product")).isEqualTo("PostgreSQL");
  }

  @Test
  @DisplayName("finds the plugins in the EAR's lib/ from the web module (ServiceLoader)")
  void findsThePluginsInTheEarLibraries() {
    awaitReady();
    HttpResponse<String> response = send(admin("/switchboard/api/admin/plugins").GET());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject plugins = json(response.body());
    assertThat(ids(plugins, "channels")).contains("whatsapp-cloud");
    assertThat(ids(plugins, "crms")).contains("request-tracker");
  }

  @Test
  @DisplayName("creates the schema in PostgreSQL with Liquibase")
  void createsTheSchemaWithLiquibase() throws SQLException {
    awaitReady();

    assertThat(
            count(
                "select count(*) from information_schema.tables where table_schema = 'public'"
                    + " and table_name in ('inbound_event', 'outbox', 'channel_account',"
                    + " 'conversation', 'message')"))
        .isEqualTo(5);
    assertThat(count("select count(*) from databasechangelog")).isPositive();
  }

  @Test
  @DisplayName("stores a correctly signed WhatsApp webhook and answers 200")
  void storesSignedWebhook() throws SQLException {
    configureWhatsAppChannel("wa-ear");
    String wamid = WhatsAppWebhookBuilder.uniqueWamid();
    byte[] body = textMessage(wamid);

    HttpResponse<String> response =
        send(webhook("wa-ear", body, WebhookSigner.hubSignature256(APP_SECRET, body)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(storedEventsContaining(wamid)).isEqualTo(1);
  }

  @Test
  @DisplayName("refuses a webhook with a wrong signature with 401 and stores nothing")
  void refusesForgedWebhook() throws SQLException {
    configureWhatsAppChannel("wa-ear");
    String wamid = WhatsAppWebhookBuilder.uniqueWamid();
    byte[] body = textMessage(wamid);

    HttpResponse<String> response =
        send(webhook("wa-ear", body, WebhookSigner.hubSignature256("not-the-app-secret", body)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(storedEventsContaining(wamid)).isZero();
  }

  private static void configureWhatsAppChannel(String id) {
    awaitReady();
    String channel =
        Json.createObjectBuilder()
            .add("plugin", "whatsapp-cloud")
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("phoneNumberId", PHONE_NUMBER_ID)
                    .add("accessToken", "x")
                    .add("appSecret", APP_SECRET)
                    .add("verifyToken", "v"))
            .build()
            .toString();
    HttpResponse<String> response =
        send(
            admin("/switchboard/api/admin/channels/" + id)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(channel)));
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  private static byte[] textMessage(String wamid) {
    return WhatsAppWebhookBuilder.forPhoneNumberId(PHONE_NUMBER_ID)
        .text(wamid, "16505551234", "Sheena Nelson", "Hello from Payara Server", 1749416383L)
        .toBytes();
  }

  private static HttpRequest.Builder webhook(String channel, byte[] body, String signature) {
    return HttpRequest.newBuilder(domain.http("/switchboard/api/channels/" + channel + "/webhook"))
        .timeout(HTTP_TIMEOUT)
        .header("Content-Type", "application/json")
        .header(WebhookSigner.HEADER, signature)
        .POST(BodyPublishers.ofByteArray(body));
  }

  private static HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(domain.http(path))
        .timeout(HTTP_TIMEOUT)
        .header("Authorization", "Bearer " + ADMIN_TOKEN);
  }

  /** Waits (bounded) until readiness answers 200, and returns that answer. */
  private static HttpResponse<String> awaitReady() {
    HttpRequest ready =
        HttpRequest.newBuilder(domain.http("/health/ready")).timeout(HTTP_TIMEOUT).build();
    return await("/health/ready answers 200")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> HTTP.send(ready, BodyHandlers.ofString()), r -> r.statusCode() == 200);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.build().uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static List<String> ids(JsonObject plugins, String kind) {
    return plugins.getJsonArray(kind).stream()
        .map(JsonValue::asJsonObject)
        .map(p -> p.getString("id"))
        .toList();
  }

  private static long storedEventsContaining(String wamid) throws SQLException {
    try (Connection c = connect(POSTGRES + DATABASE);
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from inbound_event where source like ?"
                    + " and position(? in convert_from(body, 'UTF8')) > 0")) {
      s.setString(1, "%wa-ear%");
      s.setString(2, wamid);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = connect(POSTGRES + DATABASE);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void recreateDatabase() {
    try {
      List<String> statements = new ArrayList<>(DROP_DATABASE);
      statements.add("create database " + DATABASE);
      execute(POSTGRES + "postgres", statements);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) is needed: " + e.getMessage(),
          e);
    }
  }

  private static void execute(String url, List<String> statements) throws SQLException {
    try (Connection c = connect(url);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank() || !Files.exists(Path.of(value))) {
      throw new IllegalStateException(
          "system property "
              + name
              + " must name an existing path (set by failsafe in"
              + " ear/pom.xml; run with mvn -pl ear verify), was: "
              + value);
    }
    return value;
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  private static void attempt(List<Throwable> failures, Step step) {
    try {
      step.run();
    } catch (Exception | AssertionError e) {
      failures.add(e);
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }
}
