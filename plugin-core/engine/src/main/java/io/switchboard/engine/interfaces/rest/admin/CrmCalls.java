package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.ws.rs.core.Response;

/** Admin calls that reach the CRM: its failures as problems an admin can act on. */
final class CrmCalls {
  private CrmCalls() {}

  interface Call {
    Response call() throws RetryableException, PermanentException;
  }

  static Response answer(String connectionId, Call call) {
    try {
      return call.call();
    } catch (RetryableException e) {
      return Problem.of(503, "crm-unavailable", "The CRM did not answer")
          .withDetail("CRM connection " + connectionId + " could not be reached: " + e.getMessage())
          .toResponse();
    } catch (PermanentException e) {
      return Problem.of(502, "crm-refused", "The CRM refused")
          .withDetail("CRM connection " + connectionId + ": " + e.getMessage())
          .toResponse();
    }
  }
}
