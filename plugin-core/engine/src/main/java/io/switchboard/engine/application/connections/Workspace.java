package io.switchboard.engine.application.connections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The workspace (tenant) this deployment serves. Every row holding customer data carries it, so
 * that several workspaces can later share one database.
 */
@ApplicationScoped
public class Workspace {
  @Inject
  @ConfigProperty(name = "switchboard.workspace", defaultValue = "default")
  String id;

  public String id() {
    return id;
  }
}
