package io.switchboard.engine.application.media;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file really is, from its bytes (Apache Tika's magic numbers; the file name only refines a
 * match, e.g. a ZIP named {@code .docx}); the type the sender claimed is never used. Executables
 * and scripts are refused: agents open these files.
 *
 * <pre>{@code
 * String type = check.detect(bytes, "photo.jpg"); // "image/png" when the bytes are a PNG
 * check.refuseDangerous(type);                    // PermanentException for application/x-dosexec
 * }</pre>
 */
public final class MediaTypeCheck {
  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

  // Programs and scripts, with every type Tika knows as a kind of them (x-elf covers executables,
  // shared libraries and core dumps; x-msdownload the PE variants).
  private static final List<MediaType> REFUSED =
      List.of(
              "application/x-dosexec",
              "application/x-msdownload",
              "application/x-ms-installer",
              "application/x-elf",
              "application/x-executable",
              "application/x-sharedlib",
              "application/x-mach-o",
              "application/x-java-jnilib",
              "application/java-archive",
              "application/x-java-jnlp-file",
              "application/vnd.android.package-archive",
              "application/x-shockwave-flash",
              "application/x-sh",
              "application/x-csh",
              "application/x-bat",
              "application/javascript",
              "application/ecmascript",
              "text/javascript",
              "text/ecmascript",
              "text/x-vbscript",
              "text/x-perl",
              "text/x-python",
              "text/x-ruby",
              "text/x-php",
              "text/x-tcl",
              "text/x-lua",
              "text/x-awk",
              "text/x-applescript")
          .stream()
          .map(MediaType::parse)
          .toList();

  /** The type detected from the bytes, e.g. {@code image/png}; never {@code null}. */
  public String detect(byte[] bytes, String fileName) {
    Metadata metadata = new Metadata();
    if (fileName != null && !fileName.isBlank()) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    try {
      return TYPES.detect(new ByteArrayInputStream(bytes), metadata).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a byte array does not fail
    }
  }

  /**
   * Refuses programs and scripts.
   *
   * @throws PermanentException ({@link FailureReason#UNSUPPORTED_CONTENT}) for one
   */
  public void refuseDangerous(String detectedType) throws PermanentException {
    MediaType type = MediaType.parse(detectedType);
    if (type == null) {
      return;
    }
    for (MediaType refused : REFUSED) {
      if (REGISTRY.isInstanceOf(REGISTRY.normalize(type.getBaseType()), refused)) {
        throw new PermanentException(
            "the file is a program or script ("
                + detectedType
                + " by its content): refused, agents would open it",
            null,
            "media:refused-type",
            FailureReason.UNSUPPORTED_CONTENT);
      }
    }
  }

  /** The usual file extension of a type, with its dot ({@code .jpg}), or {@code ""}. */
  public String extension(String type) {
    try {
      return TYPES.forName(type).getExtension();
    } catch (MimeTypeException e) {
      return "";
    }
  }
}
