package io.switchboard.it.server;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the tail of the Payara Server log when the set-up or a test fails, so that a failed
 * deployment explains itself in the build output.
 */
final class ServerLogOnFailure implements TestWatcher, LifecycleMethodExecutionExceptionHandler {
  private static final int LINES = 120;

  private final Supplier<PayaraServerDomain> domain;

  ServerLogOnFailure(Supplier<PayaraServerDomain> domain) {
    this.domain = domain;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    print("test " + context.getDisplayName() + " failed");
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause)
      throws Throwable {
    print("set-up failed: " + cause.getMessage());
    throw cause;
  }

  private void print(String why) {
    PayaraServerDomain current = domain.get();
    if (current == null) {
      return;
    }
    System.err.printf(
        "%n==== %s; last %d lines of %s/logs/server.log ====%n%s%n==== end of server log ====%n",
        why, LINES, current.directory(), current.serverLogTail(LINES));
  }
}
