package io.switchboard.plugin.support;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Apache HttpClient 5 every plugin wants: a pool of keep-alive HTTP/1.1 connections (the
 * classic client speaks HTTP/1.1 only), connect, socket, response and pool-wait timeouts, no
 * automatic retries (the engine's outbox owns retries), no redirects followed, no cookies, and a
 * {@code User-Agent} naming the plugin. Closing the client closes its pool.
 *
 * <pre>{@code
 * CloseableHttpClient http = PooledHttpClient.builder("Switchboard-RT/0.1.0")
 *     .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10))
 *     .maxConnections(10)
 *     .build();
 * }</pre>
 */
public final class PooledHttpClient {
  private final String userAgent;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration responseTimeout = Duration.ofSeconds(30);
  private int maxConnections = 10;

  private PooledHttpClient(String userAgent) {
    this.userAgent = userAgent;
  }

  /**
   * @param userAgent the {@code User-Agent} header, e.g. {@code Switchboard-RT/0.1.0}
   */
  public static PooledHttpClient builder(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("a plugin's HTTP client names itself (User-Agent)");
    }
    return new PooledHttpClient(userAgent);
  }

  /**
   * @param connect how long to wait for a TCP (and TLS) connection and for a free pooled one
   * @param response how long to wait for the answer, and between two packets of it
   */
  public PooledHttpClient timeouts(Duration connect, Duration response) {
    this.connectTimeout = positive(connect, "connect timeout");
    this.responseTimeout = positive(response, "response timeout");
    return this;
  }

  /** The most open connections, per route and in all (a plugin talks to one host). */
  public PooledHttpClient maxConnections(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one connection: " + max);
    }
    this.maxConnections = max;
    return this;
  }

  public CloseableHttpClient build() {
    Timeout connect = Timeout.of(connectTimeout);
    Timeout response = Timeout.of(responseTimeout);
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        .build())
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(response)
                .setRedirectsEnabled(false)
                .build())
        .setUserAgent(userAgent)
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
  }

  private static Duration positive(Duration value, String what) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
    return value;
  }
}
