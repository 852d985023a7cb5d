package io.switchboard.engine.application.conversations;

import io.switchboard.engine.application.sync.CustomerChanged;
import io.switchboard.engine.domain.CrmRequesterLink;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Customers as admins (and later agents) see and edit them: search, the profile with identities and
 * CRM requesters, and edits, which the field sync carries to every CRM that maps them.
 */
@ApplicationScoped
public class CustomerProfiles {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Event<CustomerChanged> changed;
  @Inject CustomerPhones phones;
  @Inject Clock clock;

  /** A customer with where they are known. */
  public record Profile(
      Customer customer, List<CustomerIdentity> identities, List<CrmRequesterLink> requesters) {}

  /** An edit that cannot be taken, with the field it concerns. */
  public static final class InvalidEditException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    InvalidEditException(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** Customers whose name, phone or e-mail contains the text (case-insensitive), newest first. */
  @Transactional
  public List<Customer> search(String text, int limit) {
    String like =
        "%"
            + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT))
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return em.createQuery(
            "select c from Customer c where lower(c.displayName) like :q escape '\\'"
                + " or c.phoneE164 like :q escape '\\' or lower(c.email) like :q escape '\\'"
                + " order by c.createdAt desc",
            Customer.class)
        .setParameter("q", like)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional
  public Optional<Profile> profile(String customerId) {
    Customer c = em.find(Customer.class, customerId);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Profile(
            c,
            em.createQuery(
                    "select i from CustomerIdentity i where i.customerId = :c order by i.kind",
                    CustomerIdentity.class)
                .setParameter("c", customerId)
                .getResultList(),
            em.createQuery(
                    "select l from CrmRequesterLink l where l.customerId = :c",
                    CrmRequesterLink.class)
                .setParameter("c", customerId)
                .getResultList()));
  }

  /**
   * Edits the profile; {@code null} keeps a field, {@code ""} clears e-mail or language.
   *
   * @return the profile after the edit, or empty when there is no such customer
   * @throws InvalidEditException naming every field that cannot be taken; nothing is changed
   */
  @Transactional
  public Optional<Profile> edit(
      String customerId, String name, String phone, String email, String language) {
    Customer c = em.find(Customer.class, customerId);
    if (c == null) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    if (name != null && name.isBlank()) {
      problems.add("name: a customer's name cannot be cleared");
    }
    String e164 = null;
    if (phone != null) {
      e164 = PhoneNumberNormalizer.toE164(phone).orElse(null);
      if (e164 == null) {
        problems.add("phone: '" + phone + "' is not a phone number with its country code");
      }
    }
    if (email != null && !email.isEmpty() && !Customer.isEmailAddress(email.strip())) {
      problems.add("email: '" + email + "' is not an e-mail address");
    }
    if (language != null
        && !language.isEmpty()
        && !language.strip().matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
      problems.add("language: '" + language + "' is not a language tag such as en or ar-AE");
    }
    if (e164 != null) {
      Optional<Customer> other = phones.heldByAnother(c, e164);
      if (other.isPresent()) {
        problems.add("phone: " + CustomerPhones.heldMessage(e164, other.get()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidEditException(problems);
    }
    if (e164 != null) {
      phones.remember(c, e164);
    }
    if (c.edit(
        name == null ? null : name.strip(),
        e164,
        email == null ? null : email.strip(),
        language == null ? null : language.strip(),
        clock.instant())) {
      changed.fire(new CustomerChanged(c.workspaceId(), c.id(), "profile edited by an admin"));
    }
    return profile(customerId);
  }
}
