/**
 * Message templates: the engine's copy of each channel account's templates (synced from the
 * channel's {@code TemplateCatalog} and its template webhooks), the checks a template send must
 * pass before it goes out, the {@code /template} command agents type in the CRM, and the template
 * send of the admin API.
 */
package io.switchboard.engine.application.templates;
