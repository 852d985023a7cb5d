package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.channel.TemplateUpdate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies a channel's template change (status, category) to the templates the engine keeps for the
 * accounts of the app it came from.
 */
@ApplicationScoped
public class TemplateUpdates {

  /**
   * @param source the ledger source of the app ({@code app:<id>}) or account ({@code channel:<id>})
   * @return what was done, kept on the ledger row
   */
  public String apply(String source, TemplateUpdate update) {
    return "template "
        + update.name()
        + " ("
        + update.language()
        + ") "
        + update.change().name().toLowerCase(java.util.Locale.ROOT)
        + " is now "
        + update.value()
        + ": the engine does not keep templates yet, nothing to update";
  }
}
