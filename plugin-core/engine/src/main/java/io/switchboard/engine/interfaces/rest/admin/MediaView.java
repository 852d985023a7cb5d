package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.media.MediaLinks;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaStatus;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a message: where it stands, what it is (claimed and detected), why it is not there,
 * and, when stored, a fresh signed link. Optional fields are JSON null when unknown.
 */
record MediaView(MediaObject media, Optional<MediaLinks.Link> link) {
  static MediaView of(MediaObject m, MediaLinks links) {
    return new MediaView(
        m, m.status() == MediaStatus.STORED ? links.sign(m.id()) : Optional.empty());
  }

  JsonObject toJson() {
    MediaObject m = media;
    var b =
        AdminJson.object()
            .add("id", m.id())
            .add("messageId", m.messageId())
            .add("channelId", m.channelId())
            .add("kind", m.kind())
            .add("status", m.status().name().toLowerCase(java.util.Locale.ROOT))
            .add("attempts", m.attempts());
    AdminJson.nullable(b, "claimedType", m.claimedType());
    AdminJson.nullable(b, "detectedType", m.detectedType());
    AdminJson.nullable(b, "fileName", m.fileName());
    if (m.size() >= 0) {
      b.add("size", m.size());
    } else {
      b.addNull("size");
    }
    AdminJson.nullable(b, "sha256", m.sha256());
    AdminJson.nullable(b, "reason", m.status() == MediaStatus.STORED ? null : m.lastError());
    AdminJson.nullable(b, "failureReason", m.failureReason());
    AdminJson.nullable(
        b, "crmAttachment", m.crmAttachment() == null ? null : m.crmAttachment().name());
    AdminJson.nullable(b, "store", m.storeKind());
    AdminJson.nullable(b, "createdAt", Objects.toString(m.createdAt(), null));
    AdminJson.nullable(b, "fetchedAt", Objects.toString(m.fetchedAt(), null));
    AdminJson.nullable(b, "expiresAt", Objects.toString(m.expiresAt(), null));
    AdminJson.nullable(b, "link", link.map(MediaLinks.Link::url).orElse(null));
    AdminJson.nullable(b, "linkExpiresAt", link.map(l -> l.expires().toString()).orElse(null));
    if (m.status() == MediaStatus.UNAVAILABLE) {
      b.add("retry", "POST /switchboard/api/admin/media/" + m.id() + "/retry");
    }
    return b.build();
  }
}
