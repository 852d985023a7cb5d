package io.switchboard.sandbox.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The WhatsApp Business Account's message templates, in listing order. Thread-safe. */
public final class TemplateStore {
  private final List<MessageTemplate> templates = new ArrayList<>(DefaultTemplates.all());

  /** Every template, in listing order. */
  public synchronized List<MessageTemplate> all() {
    return List.copyOf(templates);
  }

  /** The template with this name in this language, whatever its status. */
  public synchronized Optional<MessageTemplate> find(String name, String language) {
    return templates.stream()
        .filter(t -> t.name().equals(name) && t.language().equals(language))
        .findFirst();
  }

  /** The template with this id. */
  public synchronized Optional<MessageTemplate> byId(String id) {
    return templates.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Replaces every template. */
  public synchronized void replaceAll(List<MessageTemplate> next) {
    templates.clear();
    templates.addAll(next);
  }

  /** Changes one template's status; empty if there is no such template. */
  public synchronized Optional<MessageTemplate> changeStatus(String id, String status) {
    for (int i = 0; i < templates.size(); i++) {
      if (templates.get(i).id().equals(id)) {
        MessageTemplate changed = templates.get(i).withStatus(status);
        templates.set(i, changed);
        return Optional.of(changed);
      }
    }
    return Optional.empty();
  }
}
