package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.GraphApiFailureClassifier.Operation;
import io.switchboard.connector.whatsapp.WhatsAppGraphClient.Answer;
import io.switchboard.connector.whatsapp.model.GraphApiError;
import io.switchboard.connector.whatsapp.model.MediaInfo;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.content.Media;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * Downloads a customer's media the way Meta documents it: {@code GET /<media-id>} (bearer token)
 * gives a URL, its MIME type, SHA-256 and size; a GET of that URL with the same token gives the
 * bytes. The URL expires after about 5 minutes: when the download answers 401, 403 or 404, the id
 * is resolved once more and the fresh URL tried once.
 *
 * <ul>
 *   <li>Over {@code maxMediaBytes} (by the size Meta states, the {@code Content-Length}, or while
 *       reading): permanent {@link FailureReason#TOO_LARGE}, without reading the rest.
 *   <li>Bytes whose SHA-256 differs from Meta's: retryable {@link FailureReason#MEDIA_PROBLEM}.
 *   <li>An id WhatsApp no longer knows: permanent {@link FailureReason#NOT_FOUND}.
 * </ul>
 */
final class WhatsAppMediaFetcher {

  /** Meta's words: media ids of received messages live about 7 days, uploaded ones 30 days. */
  static final String EXPIRED =
      "the media expired at WhatsApp (ids of received media live about 7 days, uploaded media"
          + " about 30 days)";

  private final WhatsAppGraphClient graph;
  private final long maxBytes;

  WhatsAppMediaFetcher(WhatsAppGraphClient graph, long maxBytes) {
    this.graph = graph;
    this.maxBytes = maxBytes;
  }

  Attachment fetch(Media media) throws RetryableException, PermanentException {
    String id = media.reference();
    if (id == null || !id.matches("[0-9]{1,40}")) {
      throw new PermanentException(
          "\""
              + (id == null ? media.link() : id)
              + "\" is not a WhatsApp media id: only media of WhatsApp messages can be fetched"
              + " here",
          null,
          "invalid-media-id",
          FailureReason.INVALID_CONTENT);
    }
    MediaInfo info = resolve(id);
    Downloaded file = download(info);
    if (file.expired()) {
      info = resolve(id); // the URL lives about 5 minutes: ask for a fresh one, once
      file = download(info);
    }
    if (file.status() / 100 != 2) {
      throw permanentOrThrow(downloadFailure(file));
    }
    checkChecksum(info, file.sha256());
    String type = info.mimeType() != null ? info.mimeType() : media.mimeType();
    return new Attachment(
        media.fileName(),
        type != null ? type : "application/octet-stream",
        file.bytes().length,
        id,
        file.bytes());
  }

  private MediaInfo resolve(String id) throws RetryableException, PermanentException {
    Answer answer = graph.getUnclassified("/" + id + "?phone_number_id=" + graph.phoneNumberId());
    if (answer.status() / 100 != 2) {
      if (isUnknownObject(answer)) {
        throw new PermanentException(
            EXPIRED + "; WhatsApp answered HTTP " + answer.status() + " for media " + id,
            null,
            "media-expired",
            FailureReason.NOT_FOUND);
      }
      throw permanentOrThrow(graph.failure(answer, Operation.MEDIA_DOWNLOAD));
    }
    MediaInfo info =
        MediaInfo.parse(answer.body(), graph.readers())
            .orElseThrow(
                () ->
                    new RetryableException(
                        "WhatsApp answered media " + id + " without a download url",
                        null,
                        null,
                        FailureReason.MEDIA_PROBLEM));
    if (info.fileSize() > maxBytes) {
      throw tooLarge(info.fileSize());
    }
    return info;
  }

  /**
   * 404, or Graph's "object does not exist" (code 100, subcode 33), which is how Meta answers an id
   * it has deleted.
   */
  private boolean isUnknownObject(Answer answer) {
    if (answer.status() == 404) {
      return true;
    }
    Optional<GraphApiError> error = GraphApiError.parse(answer.body(), graph.readers());
    return error.isPresent()
        && "100".equals(error.get().code())
        && "33".equals(error.get().subcode());
  }

  private Downloaded download(MediaInfo info) throws RetryableException, PermanentException {
    URI url = trustedUrl(info.url());
    try {
      return graph.download(url, this::read);
    } catch (MediaTooLargeException e) {
      throw new PermanentException(
          e.getMessage(), null, "media-too-large", FailureReason.TOO_LARGE);
    }
  }

  /**
   * The token goes only to https URLs, or to the configured Graph API host itself (a local test
   * double serves its downloads there).
   */
  private URI trustedUrl(String raw) throws PermanentException {
    try {
      URI url = URI.create(raw);
      URI base = URI.create(graph.base());
      boolean sameHost =
          url.getHost() != null
              && url.getHost().equalsIgnoreCase(base.getHost())
              && url.getPort() == base.getPort();
      if ("https".equals(url.getScheme()) || sameHost) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // fall through: refused below
    }
    throw new PermanentException(
        "WhatsApp gave a media URL that is not https; the access token is not sent there",
        null,
        "untrusted-media-url",
        FailureReason.MEDIA_PROBLEM);
  }

  private Downloaded read(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    int status = response.getCode();
    if (status / 100 != 2) {
      String body =
          entity == null
              ? ""
              : new String(
                  entity.getContent().readNBytes(8192), StandardCharsets.UTF_8); // enough to read
      Header retry = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
      return new Downloaded(status, retry == null ? null : retry.getValue(), body, null, null);
    }
    if (entity != null && entity.getContentLength() > maxBytes) {
      throw new MediaTooLargeException(tooLargeText(entity.getContentLength()));
    }
    MessageDigest sha256 = MediaChecksum.sha256();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (entity != null) {
      try (InputStream in = entity.getContent()) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (total > maxBytes) {
            throw new MediaTooLargeException(tooLargeText(total) + " (stopped reading)");
          }
          sha256.update(buffer, 0, n);
          bytes.write(buffer, 0, n);
        }
      }
    }
    return new Downloaded(status, null, "", bytes.toByteArray(), sha256.digest());
  }

  private static void checkChecksum(MediaInfo info, byte[] actual) throws RetryableException {
    Optional<byte[]> claimed = MediaChecksum.decode(info.sha256());
    if (claimed.isPresent() && !MessageDigest.isEqual(claimed.get(), actual)) {
      throw new RetryableException(
          "the media file WhatsApp sent does not match its SHA-256 (damaged in transfer);"
              + " downloading again may help",
          null,
          null,
          FailureReason.MEDIA_PROBLEM);
    }
  }

  private PluginException downloadFailure(Downloaded file) {
    if (file.status() == 404) {
      return new PermanentException(
          EXPIRED + "; its download URL answered 404 twice",
          null,
          "media-expired",
          FailureReason.NOT_FOUND);
    }
    return graph.failure(
        new Answer(file.status(), file.retryAfter(), file.errorBody()), Operation.MEDIA_DOWNLOAD);
  }

  private PermanentException tooLarge(long size) {
    return new PermanentException(
        tooLargeText(size), null, "media-too-large", FailureReason.TOO_LARGE);
  }

  private String tooLargeText(long size) {
    return "the media file has "
        + size
        + " bytes, more than this channel's maxMediaBytes of "
        + maxBytes;
  }

  /** Throws a retryable failure, returns a permanent one for the caller to throw. */
  static PermanentException permanentOrThrow(PluginException failure) throws RetryableException {
    if (failure instanceof RetryableException retryable) {
      throw retryable;
    }
    return (PermanentException) failure;
  }

  /** A download's outcome: its status, and the bytes with their SHA-256 when it worked. */
  private record Downloaded(
      int status, String retryAfter, String errorBody, byte[] bytes, byte[] sha256) {
    /** 401, 403, 404: Meta's URL has expired (or was never valid): resolve the id again. */
    boolean expired() {
      return status == 401 || status == 403 || status == 404;
    }
  }
}
