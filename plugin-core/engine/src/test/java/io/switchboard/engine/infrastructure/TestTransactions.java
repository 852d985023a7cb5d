package io.switchboard.engine.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TransactionRequiredException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * What the container does for {@code @Transactional} beans and a {@code @PersistenceContext}, by
 * hand: a resource-local transaction per unit of work with its own persistence context, bound to
 * the thread, and an {@link EntityManager} that always means "the current transaction's".
 */
public final class TestTransactions {
  private final EntityManagerFactory emf;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
  private final EntityManager proxy;

  TestTransactions(EntityManagerFactory emf) {
    this.emf = emf;
    this.proxy =
        (EntityManager)
            Proxy.newProxyInstance(
                EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class},
                (p, method, args) -> {
                  EntityManager em = current.get();
                  if (em == null) {
                    throw new TransactionRequiredException("no transaction for " + method);
                  }
                  try {
                    return method.invoke(em, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  /** The transaction-scoped entity manager to inject into beans. */
  public EntityManager entityManager() {
    return proxy;
  }

  /** {@code TxType.REQUIRED}: joins the current transaction or runs in a new one. */
  public <T> T required(Supplier<T> work) {
    return current.get() != null ? work.get() : requiresNew(work);
  }

  /** {@code TxType.MANDATORY}. */
  public <T> T mandatory(Supplier<T> work) {
    if (current.get() == null) {
      throw new TransactionRequiredException("a transaction is required");
    }
    return work.get();
  }

  /** {@code TxType.REQUIRES_NEW}: suspends the current transaction, if any. */
  public <T> T requiresNew(Supplier<T> work) {
    EntityManager outer = current.get();
    EntityManager em = emf.createEntityManager();
    current.set(em);
    try {
      em.getTransaction().begin();
      T result = work.get();
      em.getTransaction().commit();
      return result;
    } catch (RuntimeException | Error e) {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      throw e;
    } finally {
      em.close();
      if (outer == null) {
        current.remove();
      } else {
        current.set(outer);
      }
    }
  }

  public void run(Runnable work) {
    required(
        () -> {
          work.run();
          return null;
        });
  }
}
