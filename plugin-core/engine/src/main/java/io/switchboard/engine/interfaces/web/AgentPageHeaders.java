package io.switchboard.engine.interfaces.web;

import io.switchboard.engine.application.agent.AgentSessions;
import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.domain.CrmConnection;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Security headers for the inbox view under {@code /inbox/*}: the admin pages' strict policy,
 * except that the CRM's own pages may frame it ({@code frame-ancestors} lists the frame origins of
 * every CRM connection that signs agents on, read at most every {@link #TTL}), and blob: media for
 * previews of files about to be sent. No {@code X-Frame-Options}: CSP decides.
 */
@WebFilter(urlPatterns = "/inbox/*")
public class AgentPageHeaders extends HttpFilter {
  static final Duration TTL = Duration.ofSeconds(30);
  private static final long serialVersionUID = 1L;

  @Inject transient Connections connections;
  @Inject transient AgentSessions sessions;
  @Inject transient Clock clock;

  private transient volatile String ancestors;
  private transient volatile Instant readAt;

  /** The policy with the given extra frame ancestors (origins, space separated). */
  static String policy(String frameAncestors) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
        + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
        + " form-action 'none'; frame-ancestors 'self'"
        + (frameAncestors.isBlank() ? "" : " " + frameAncestors);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy(frameAncestors()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-cache");
    chain.doFilter(request, response);
  }

  private String frameAncestors() {
    Instant now = clock.instant();
    if (ancestors == null || readAt == null || now.isAfter(readAt.plus(TTL))) {
      Set<String> origins = new LinkedHashSet<>();
      for (CrmConnection c : connections.crms()) {
        sessions
            .signOnOf(c)
            .ifPresent(
                s ->
                    s.frameOrigins().stream()
                        .filter(AgentPageHeaders::isOrigin)
                        .forEach(origins::add));
      }
      ancestors = String.join(" ", origins);
      readAt = now;
    }
    return ancestors;
  }

  /** Only scheme://host[:port]: nothing that could end the directive or add another. */
  static boolean isOrigin(String o) {
    return o != null && o.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+");
  }
}
