package io.switchboard.engine.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Security headers for the admin pages under {@code /admin/*}: a strict Content-Security-Policy
 * (the page's own files only, no inline script or style, no framing), no MIME sniffing, no
 * referrer. The pages handle an admin token, so a single injected script would be fatal; with this
 * policy even markup that slipped in could not run.
 */
@WebFilter(urlPatterns = "/admin/*")
public class AdminPageHeaders extends HttpFilter {
  /** What every answer under {@code /admin/} carries. */
  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
              + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
              + " form-action 'none'; frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY",
          // the files change with each release and are small: always revalidate
          "Cache-Control",
          "no-cache");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HEADERS.forEach(response::setHeader);
    chain.doFilter(request, response);
  }
}
