package io.switchboard.engine.infrastructure;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A CDI {@link Event} for beans wired by hand: records what was fired and hands it to the observers
 * the test registers, synchronously, as CDI does for {@code @Observes}.
 */
public final class RecordedEvents<T> implements Event<T> {
  public final List<T> fired = Collections.synchronizedList(new ArrayList<>());
  private final List<Consumer<T>> observers = new ArrayList<>();

  public RecordedEvents<T> observedBy(Consumer<T> observer) {
    observers.add(observer);
    return this;
  }

  @Override
  public void fire(T event) {
    fired.add(event);
    observers.forEach(o -> o.accept(event));
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event) {
    fire(event);
    return CompletableFuture.completedFuture(event);
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
    return fireAsync(event);
  }

  @Override
  public Event<T> select(Annotation... qualifiers) {
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    return (Event<U>) this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    return (Event<U>) this;
  }
}
