package io.switchboard.spi.channel.capability;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.util.List;

/**
 * The message templates a channel account may send (WhatsApp: the templates of the WhatsApp
 * Business Account the number belongs to), in every status, so the engine can keep its copy in sync
 * and offer the approved ones when a window is closed.
 *
 * <pre>{@code
 * Optional<TemplateCatalog> catalog = connector.capability(TemplateCatalog.class);
 * List<TemplateDefinition> all = catalog.get().templates();
 * }</pre>
 *
 * @since 2.2.0
 */
public interface TemplateCatalog {

  /**
   * Every template of the account, all pages read.
   *
   * @throws RetryableException for timeouts, 5xx and throttling
   * @throws PermanentException when the channel refuses (e.g. an expired token)
   */
  List<TemplateDefinition> templates() throws RetryableException, PermanentException;
}
