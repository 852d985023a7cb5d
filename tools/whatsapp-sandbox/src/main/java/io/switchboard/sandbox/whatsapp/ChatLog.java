package io.switchboard.sandbox.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The sandbox's memory of every chat, both directions, in arrival order; lost when the program
 * stops. Thread-safe; every change is announced to the listeners (the live event stream).
 */
public final class ChatLog {
  private static final String DEFAULT_NAME = "Demo Customer";

  private final Clock clock;
  private final WamidSource wamids;
  private final Map<String, ChatMessage> byWamid = new LinkedHashMap<>();
  private final Map<WaId, String> names = new LinkedHashMap<>();
  private final List<Consumer<ChatMessage>> listeners = new CopyOnWriteArrayList<>();

  /** Creates an empty log that stamps messages with {@code clock} and ids from {@code wamids}. */
  public ChatLog(Clock clock, WamidSource wamids) {
    this.clock = clock;
    this.wamids = wamids;
  }

  /** Registers a listener called after every added or changed message. */
  public void onChange(Consumer<ChatMessage> listener) {
    listeners.add(listener);
  }

  /** Records a message the customer sent; it is {@code PENDING} until the bridge answers. */
  public ChatMessage addCustomerMessage(WaId phone, String name, MessageContent content) {
    ChatMessage message;
    synchronized (this) {
      String shownName = name == null || name.isBlank() ? nameOf(phone) : name.strip();
      names.put(phone, shownName);
      message =
          create(phone, ChatMessage.Direction.CUSTOMER, shownName, content, MessageStatus.PENDING);
    }
    announce(message);
    return message;
  }

  /** Records a message the bridge sent through the Graph API; it starts {@code ACCEPTED}. */
  public ChatMessage addBusinessMessage(WaId phone, MessageContent content) {
    return addFromBusiness(phone, ChatMessage.Direction.BUSINESS, content, MessageStatus.ACCEPTED);
  }

  /** Records a message the business sent from its WhatsApp Business app; it is {@code SENT}. */
  public ChatMessage addBusinessAppMessage(WaId phone, MessageContent content) {
    return addFromBusiness(phone, ChatMessage.Direction.BUSINESS_APP, content, MessageStatus.SENT);
  }

  private ChatMessage addFromBusiness(
      WaId phone, ChatMessage.Direction direction, MessageContent content, MessageStatus status) {
    ChatMessage message;
    synchronized (this) {
      message = create(phone, direction, nameOf(phone), content, status);
    }
    announce(message);
    return message;
  }

  /**
   * Shows a reaction on the message it reacts to; an empty emoji removes it.
   *
   * @param side {@code customer} or {@code business}
   * @return false if the sandbox does not know the message
   */
  public boolean react(String targetWamid, String side, String emoji) {
    return replace(targetWamid, current -> current.withReaction(side, emoji));
  }

  /** Marks a business message failed after acceptance, with Meta's error object. */
  public boolean fail(String wamid, Map<String, Object> error) {
    return replace(
        wamid,
        current ->
            current.status().canAdvanceTo(MessageStatus.FAILED) ? current.failedWith(error) : null);
  }

  private boolean replace(String wamid, java.util.function.UnaryOperator<ChatMessage> change) {
    ChatMessage changed;
    synchronized (this) {
      ChatMessage current = byWamid.get(wamid);
      changed = current == null ? null : change.apply(current);
      if (changed == null) {
        return false;
      }
      byWamid.put(wamid, changed);
    }
    announce(changed);
    return true;
  }

  /** The message with this id, if the sandbox saw it. */
  public synchronized Optional<ChatMessage> find(String wamid) {
    return Optional.ofNullable(byWamid.get(wamid));
  }

  /**
   * Moves a message forward to {@code status}.
   *
   * @return true if it moved; false if it was already there or further (statuses never go back)
   */
  public boolean advance(String wamid, MessageStatus status) {
    ChatMessage changed;
    synchronized (this) {
      ChatMessage current = byWamid.get(wamid);
      if (current == null || !current.status().canAdvanceTo(status)) {
        return false;
      }
      changed = current.withStatus(status);
      byWamid.put(wamid, changed);
    }
    announce(changed);
    return true;
  }

  /** Notes what happened to the last webhook about a message (shown on the phone page). */
  public void noteWebhook(String wamid, String note, boolean failed, Integer httpStatus) {
    ChatMessage changed;
    synchronized (this) {
      ChatMessage current = byWamid.get(wamid);
      if (current == null) {
        return;
      }
      changed = current.withWebhookOutcome(note, failed, httpStatus);
      byWamid.put(wamid, changed);
    }
    announce(changed);
  }

  /** All messages exchanged with one phone, oldest first. */
  public synchronized List<ChatMessage> conversation(WaId phone) {
    List<ChatMessage> messages = new ArrayList<>();
    for (ChatMessage message : byWamid.values()) {
      if (message.phone().equals(phone)) {
        messages.add(message);
      }
    }
    return messages;
  }

  /** One summary per phone that has messages, in order of first contact. */
  public synchronized List<Map<String, Object>> chats() {
    Map<WaId, Map<String, Object>> chats = new LinkedHashMap<>();
    for (ChatMessage message : byWamid.values()) {
      Map<String, Object> chat = chats.computeIfAbsent(message.phone(), p -> new LinkedHashMap<>());
      chat.put("phone", message.phone().digits());
      chat.put("name", nameOf(message.phone()));
      chat.merge("messageCount", 1, (a, b) -> (Integer) a + 1);
      chat.put("lastText", message.text());
      chat.put("lastTimestamp", message.timestamp().toString());
    }
    return new ArrayList<>(chats.values());
  }

  /** The name the customer last gave on the phone page, or a default. */
  public synchronized String nameOf(WaId phone) {
    return names.getOrDefault(phone, DEFAULT_NAME);
  }

  private ChatMessage create(
      WaId phone,
      ChatMessage.Direction direction,
      String name,
      MessageContent content,
      MessageStatus status) {
    Instant now = clock.instant();
    ChatMessage message =
        new ChatMessage(
            wamids.next(),
            phone,
            direction,
            name,
            content,
            now,
            status,
            null,
            false,
            null,
            Map.of(),
            null);
    byWamid.put(message.wamid(), message);
    return message;
  }

  private void announce(ChatMessage message) {
    for (Consumer<ChatMessage> listener : listeners) {
      listener.accept(message);
    }
  }
}
