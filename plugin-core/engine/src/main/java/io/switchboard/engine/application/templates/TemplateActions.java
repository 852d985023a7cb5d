package io.switchboard.engine.application.templates;

/** The outbox actions of templates. */
public final class TemplateActions {
  /**
   * Read a channel account's templates again (after a template webhook); the subject is the channel
   * account id.
   */
  public static final String SYNC_TEMPLATES = "SYNC_TEMPLATES";

  private TemplateActions() {}
}
