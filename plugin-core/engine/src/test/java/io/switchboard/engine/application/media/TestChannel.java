package io.switchboard.engine.application.media;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.spi.content.Media;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A channel connector at the SPI, whose downloads the test scripts: each {@link #fetchMedia} takes
 * the next scripted answer (a file, or a retryable or permanent failure) and records what it was
 * asked for. Nothing scripted: the channel is "down" (retryable).
 */
public final class TestChannel implements ChannelConnector {
  public final Deque<Object> answers = new ConcurrentLinkedDeque<>();
  public final List<Media> asked = Collections.synchronizedList(new ArrayList<>());

  /** The next download returns these bytes, as the channel names and types them. */
  public TestChannel file(byte[] bytes, String claimedType, String fileName) {
    answers.add(new Attachment(fileName, claimedType, bytes.length, null, bytes));
    return this;
  }

  public TestChannel down(String why) {
    answers.add(new RetryableException(why, null));
    return this;
  }

  public TestChannel gone(String why) {
    answers.add(new PermanentException(why, null, "131052", FailureReason.MEDIA_PROBLEM));
    return this;
  }

  @Override
  public String accountId() {
    return "1065";
  }

  @Override
  public Attachment fetchMedia(Media media) throws RetryableException, PermanentException {
    asked.add(media);
    Object next = answers.poll();
    if (next == null) {
      throw new RetryableException("test channel: no answer scripted", null);
    }
    if (next instanceof RetryableException e) {
      throw e;
    }
    if (next instanceof PermanentException e) {
      throw e;
    }
    return (Attachment) next;
  }

  @Override
  public SendReceipt send(OutboundMessage message) throws PermanentException {
    throw new PermanentException("the test channel sends nothing", null);
  }

  @Override
  public SendPolicy sendPolicy() {
    return new SendPolicy(
        Set.of("text"),
        Set.of("text", "image", "document"),
        List.of(),
        SendPolicy.OutsideWindows.TEMPLATES_ONLY,
        80,
        Duration.ZERO,
        4096,
        Map.of());
  }
}
