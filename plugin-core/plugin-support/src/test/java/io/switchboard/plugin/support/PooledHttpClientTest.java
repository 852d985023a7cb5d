package io.switchboard.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PooledHttpClientTest {
  private final List<String> protocols = new CopyOnWriteArrayList<>();
  private final List<String> userAgents = new CopyOnWriteArrayList<>();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/ok",
        exchange -> {
          protocols.add(exchange.getProtocol());
          userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
          clientPorts.add(exchange.getRemoteAddress().getPort());
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/redirect",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/ok");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/hang",
        exchange -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  @DisplayName("speaks HTTP/1.1 with the plugin's User-Agent and reuses pooled connections")
  void pooledHttp11() throws IOException {
    try (CloseableHttpClient http = PooledHttpClient.builder("Switchboard-Test/1.0").build()) {
      for (int i = 0; i < 3; i++) {
        assertThat(
                http.execute(
                    new HttpGet(url("/ok")),
                    (HttpClientResponseHandler<String>) r -> EntityUtils.toString(r.getEntity())))
            .isEqualTo("ok");
      }
    }
    assertThat(protocols).containsOnly("HTTP/1.1").hasSize(3);
    assertThat(userAgents).containsOnly("Switchboard-Test/1.0");
    assertThat(clientPorts).as("one kept-alive connection").hasSize(1);
  }

  @Test
  @DisplayName("does not follow redirects: the plugin sees the 3xx")
  void noRedirects() throws IOException {
    try (CloseableHttpClient http = PooledHttpClient.builder("Switchboard-Test/1.0").build()) {
      assertThat(
              http.execute(
                  new HttpGet(url("/redirect")),
                  (HttpClientResponseHandler<Integer>) r -> r.getCode()))
          .isEqualTo(302);
    }
    assertThat(protocols).isEmpty();
  }

  @Test
  @DisplayName("a server that does not answer within the response timeout fails the call")
  void responseTimeout() throws IOException {
    try (CloseableHttpClient http =
        PooledHttpClient.builder("Switchboard-Test/1.0")
            .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
            .build()) {
      assertThatThrownBy(
              () ->
                  http.execute(
                      new HttpGet(url("/hang")),
                      (HttpClientResponseHandler<Integer>) r -> r.getCode()))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  @DisplayName("refuses settings that cannot work")
  void badSettings() {
    assertThatThrownBy(() -> PooledHttpClient.builder(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> PooledHttpClient.builder("x").timeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PooledHttpClient.builder("x").maxConnections(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
