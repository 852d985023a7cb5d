package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

/** What the error answers need to know about the request they answer. */
final class Problems {
  private Problems() {}

  /** The request's path as sent, for a problem's {@code instance}. */
  static String instance(UriInfo uri) {
    try {
      return uri == null ? null : uri.getRequestUri().getRawPath();
    } catch (RuntimeException e) {
      return null; // outside a request (a hand-made mapper in a test)
    }
  }

  /**
   * Whether the request was matched to an admin resource, whose caller has proved the admin token
   * and may see internal detail; everyone else gets none.
   */
  static boolean toAdmin(ResourceInfo resource) {
    if (resource == null) {
      return false;
    }
    try {
      Class<?> type = resource.getResourceClass();
      var method = resource.getResourceMethod();
      return (type != null && type.isAnnotationPresent(AdminApi.class))
          || (method != null && method.isAnnotationPresent(AdminApi.class));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
