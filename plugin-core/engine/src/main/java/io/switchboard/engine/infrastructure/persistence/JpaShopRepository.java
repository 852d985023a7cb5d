package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.Shop;
import io.switchboard.engine.domain.ShopRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaShopRepository implements ShopRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaShopRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaShopRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Shop> find(String id) {
    return Optional.ofNullable(em.find(Shop.class, id));
  }

  @Override
  public List<Shop> all() {
    return em.createQuery("select s from Shop s order by s.createdAt, s.id", Shop.class)
        .getResultList();
  }

  @Override
  public void add(Shop shop) {
    em.persist(shop);
  }

  @Override
  public void remove(Shop shop) {
    em.remove(em.contains(shop) ? shop : em.merge(shop));
  }
}
