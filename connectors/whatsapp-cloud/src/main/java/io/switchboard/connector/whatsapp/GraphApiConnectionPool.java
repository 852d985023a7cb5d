package io.switchboard.connector.whatsapp;

import io.switchboard.plugin.support.PooledHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The one pooled Apache HttpClient 5 that all WhatsApp accounts of a factory share: Meta's Graph
 * API is one host, so one pool bounds the connections of every number together. Timeouts are per
 * request (each account has its own {@code requestTimeout}). Opened by the factory's {@code init}
 * and closed by its {@code close}, never by an account.
 */
final class GraphApiConnectionPool implements AutoCloseable {

  static final String USER_AGENT = "Switchboard-WhatsApp-Cloud/0.1";

  /** Pool size when the operator sets no {@code max-connections}. */
  static final int DEFAULT_MAX_CONNECTIONS = 50;

  private final CloseableHttpClient http;
  private final int maxConnections;

  GraphApiConnectionPool(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("max-connections must be at least 1: " + maxConnections);
    }
    this.maxConnections = maxConnections;
    // The shared plugin-support set-up: pooled HTTP/1.1, no automatic retries (the engine owns
    // them), no redirects, no cookies. Each request still sets its account's own timeouts.
    this.http = PooledHttpClient.builder(USER_AGENT).maxConnections(maxConnections).build();
  }

  CloseableHttpClient client() {
    return http;
  }

  int maxConnections() {
    return maxConnections;
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }
}
