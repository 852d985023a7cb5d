package io.switchboard.engine.domain;

import java.util.List;
import java.util.Optional;

/** Where shops are kept. Implemented with JPA in {@code infrastructure.persistence}. */
public interface ShopRepository {

  Optional<Shop> find(String id);

  /** All shops, oldest first. */
  List<Shop> all();

  void add(Shop shop);

  void remove(Shop shop);
}
