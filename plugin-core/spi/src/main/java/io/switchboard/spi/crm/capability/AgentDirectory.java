package io.switchboard.spi.crm.capability;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.util.List;

/**
 * Lists the CRM's agents and groups, so the engine can match agents by login or e-mail and offer
 * assignment targets.
 *
 * <pre>{@code
 * directory.agents().stream().filter(a -> "amal@example.com".equals(a.email())).findFirst();
 * }</pre>
 */
public interface AgentDirectory {

  List<CrmAgent> agents() throws RetryableException, PermanentException;

  List<CrmGroup> groups() throws RetryableException, PermanentException;
}
