package io.switchboard.spi.crm;

import io.switchboard.spi.PluginFactory;

/**
 * Creates {@link CrmAdapter}s. Register an implementation in {@code
 * META-INF/services/io.switchboard.spi.crm.CrmAdapterFactory}.
 *
 * <pre>{@code
 * public final class RequestTrackerCrmAdapterFactory implements CrmAdapterFactory {
 *   public String id() { return "request-tracker"; }
 *   ...
 * }
 * }</pre>
 */
public interface CrmAdapterFactory extends PluginFactory<CrmAdapter> {}
