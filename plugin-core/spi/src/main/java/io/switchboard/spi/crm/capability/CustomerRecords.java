package io.switchboard.spi.crm.capability;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.util.List;
import java.util.Optional;

/**
 * Profiles and order history the CRM holds about a requester.
 *
 * <pre>{@code
 * List<OrderRecord> recent = records.orders("wa-16505551234", 10);   // newest first
 * }</pre>
 */
public interface CustomerRecords {

  Optional<CustomerProfile> profile(String requesterId)
      throws RetryableException, PermanentException;

  /** Up to {@code limit} orders of the requester, newest first. */
  List<OrderRecord> orders(String requesterId, int limit)
      throws RetryableException, PermanentException;
}
