package io.switchboard.engine.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Admin authentication is bound to the admin resources, not to a spelling of the request path: an
 * encoded or doubled path that JAX-RS still matches to an admin resource runs the filter (the
 * server-side check of such paths is in the ear module's {@code HttpEdgeIT}).
 */
@DisplayName("Admin authentication is bound to the admin resources")
class AdminApiBindingTest {
  /**
   * The only resources anonymous callers may reach (shops authenticate with their own API key or
   * Shopify signature, checked before anything is stored; a media link carries its own HMAC
   * signature and expiry, checked before anything is read).
   */
  private static final Set<Class<?>> PUBLIC =
      Set.of(
          ChannelWebhookResource.class,
          ChannelAppWebhookResource.class,
          CrmWebhookResource.class,
          ShopOrderResource.class,
          ShopifyWebhookResource.class,
          MediaResource.class,
          io.switchboard.engine.interfaces.rest.agent.AgentSessionResource.class);

  @Test
  @DisplayName("the auth filter is name-bound with @AdminApi, so it runs after resource matching")
  void filterIsNameBound() {
    assertThat(AdminAuthFilter.class.isAnnotationPresent(AdminApi.class)).isTrue();
  }

  @Test
  @DisplayName("the agent API's resources are in their package and carry @AgentApi, not @AdminApi")
  void agentResourcesAreAgentBound() throws Exception {
    assertThat(AgentAuthFilter.class.isAnnotationPresent(AgentApi.class)).isTrue();
    assertThat(
            resourceClasses().stream()
                .filter(c -> c.isAnnotationPresent(AgentApi.class))
                .map(Class::getPackageName))
        .isNotEmpty()
        .allMatch(p -> p.equals("io.switchboard.engine.interfaces.rest.agent"));
    assertThat(resourceClasses().stream().filter(c -> c.isAnnotationPresent(AgentApi.class)))
        .noneMatch(c -> c.isAnnotationPresent(AdminApi.class));
  }

  @Test
  @DisplayName(
      "every resource class except the webhooks and the sign-on carries @AdminApi or @AgentApi")
  void everyNonPublicResourceIsBound() throws Exception {
    List<Class<?>> resources = resourceClasses();
    assertThat(resources).containsAll(PUBLIC).hasSizeGreaterThan(PUBLIC.size());
    assertThat(resources.stream().filter(c -> !PUBLIC.contains(c)))
        .allSatisfy(
            c ->
                assertThat(
                        c.isAnnotationPresent(AdminApi.class)
                            || c.isAnnotationPresent(AgentApi.class))
                    .as(c.getName())
                    .isTrue());
    assertThat(PUBLIC).noneMatch(c -> c.isAnnotationPresent(AdminApi.class));
  }

  private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
    var root =
        Paths.get(AdminApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    var pkg = root.resolve("io/switchboard/engine/interfaces");
    try (Stream<java.nio.file.Path> files = Files.walk(pkg)) {
      return files
          .map(f -> root.relativize(f).toString())
          .filter(f -> f.endsWith(".class") && !f.contains("$"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .<Class<?>>map(AdminApiBindingTest::load)
          .filter(c -> c.isAnnotationPresent(Path.class))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
