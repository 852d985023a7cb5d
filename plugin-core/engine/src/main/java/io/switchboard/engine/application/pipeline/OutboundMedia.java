package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.channel.SendDecision;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.crm.capability.AttachmentSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Readies an agent's file for the channel: fetches its bytes from the CRM ({@link
 * AttachmentSource}), finds its real type from the bytes, checks kind and size against the
 * channel's {@link SendPolicy} before any upload, uploads it ({@link ChannelConnector#uploadMedia})
 * and records the channel's media id on the message at once, so a retried send never uploads it
 * again. A file that does not fit is refused with a sentence for the agent ({@link
 * PermanentException}, so the message fails and the agents get a note).
 */
@ApplicationScoped
public class OutboundMedia {
  @Inject PluginRegistry registry;
  @Inject EffectRecords records;
  @Inject io.switchboard.engine.application.media.MediaFiles files;

  /** The file as media by reference, uploaded once. */
  public Media prepare(
      EffectRecords.Subject s,
      OutboundFile file,
      ChannelConnector connector,
      ConversationFacts facts)
      throws RetryableException, PermanentException {
    if (file.uploaded()) {
      return file.asMedia();
    }
    byte[] data = fetch(s, file);
    String channel = ChannelKinds.displayName(ChannelKinds.of(s.channel().plugin()));
    SendPolicy policy = connector.sendPolicy();
    String detected = MediaTypes.detect(data, file.fileName());
    Optional<MediaTypes.Checked> type = MediaTypes.check(detected);
    if (type.isEmpty() || !policy.outboundTypes().contains(type.get().kind().typeName())) {
      throw refused(
          FailureReason.UNSUPPORTED_CONTENT,
          channel
              + " cannot send "
              + file.label()
              + " ("
              + detected
              + "): only "
              + MediaTypes.allowed(policy)
              + " are allowed");
    }
    MediaTypes.Checked checked = type.get();
    Long limit = policy.maxMediaBytes().get(checked.kind());
    if (limit != null && data.length > limit) {
      throw refused(
          FailureReason.TOO_LARGE,
          channel
              + " cannot send "
              + file.label()
              + ": it has "
              + MediaTypes.size(data.length)
              + ", "
              + MediaTypes.plural(checked.kind())
              + " may have at most "
              + MediaTypes.size(limit));
    }
    Media provisional =
        new Media(
            checked.kind(),
            file.crmReference(),
            null,
            checked.contentType(),
            null,
            file.fileName(),
            data.length,
            null);
    SendDecision decision = connector.sendPolicy().check(provisional, facts);
    if (!decision.allowed()) {
      throw refused(decision.reason(), decision.explanation());
    }
    String mediaId =
        connector.uploadMedia(
            new Attachment(file.fileName(), checked.contentType(), data.length, null, data));
    OutboundFile uploaded =
        file.uploadedAs(checked.kind(), checked.contentType(), data.length, mediaId);
    records.fileUploaded(s.message().id(), uploaded);
    return uploaded.asMedia();
  }

  private byte[] fetch(EffectRecords.Subject s, OutboundFile file)
      throws RetryableException, PermanentException {
    if (file.crmReference().startsWith(InboxRecordEffect.UPLOAD_PREFIX)) {
      // A file an agent uploaded in the inbox view: its bytes are in the engine's media store.
      String mediaId = file.crmReference().substring(InboxRecordEffect.UPLOAD_PREFIX.length());
      return files
          .stored(mediaId)
          .orElseThrow(
              () ->
                  refused(
                      FailureReason.MEDIA_PROBLEM,
                      "the uploaded file " + file.label() + " is no longer stored"))
          .bytes();
    }
    if (s.crm() == null) {
      throw refused(
          FailureReason.NOT_FOUND,
          "conversation "
              + s.conversation().id()
              + " has no CRM connection to fetch "
              + file.label()
              + " from");
    }
    AttachmentSource source =
        registry
            .adapter(s.crm())
            .capability(AttachmentSource.class)
            .orElseThrow(
                () ->
                    refused(
                        FailureReason.NOT_IMPLEMENTED,
                        "the "
                            + s.crm().plugin()
                            + " adapter cannot hand out attachments, so "
                            + file.label()
                            + " cannot be sent (not implemented)"));
    Attachment fetched =
        source.fetchAttachment(
            new Attachment(file.fileName(), file.claimedType(), -1, file.crmReference(), null));
    if (fetched == null || fetched.data() == null) {
      throw refused(FailureReason.MEDIA_PROBLEM, "the CRM gave no bytes for " + file.label());
    }
    return fetched.data();
  }

  private static PermanentException refused(FailureReason reason, String explanation) {
    return new PermanentException(explanation, null, "policy:" + reason.name(), reason);
  }
}
