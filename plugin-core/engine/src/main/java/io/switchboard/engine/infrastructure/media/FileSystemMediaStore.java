package io.switchboard.engine.infrastructure.media;

import io.switchboard.engine.domain.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code switchboard.media.store=filesystem}: one file per media object in {@code
 * switchboard.media.directory}, named by the media id. A file is written to a temporary name in the
 * same directory and moved into place atomically, so a reader never sees half a file and a retried
 * fetch simply replaces it. Several instances need the directory on shared storage.
 */
@ApplicationScoped
@Typed(FileSystemMediaStore.class)
public class FileSystemMediaStore implements MediaStore {
  public static final String KIND = "filesystem";

  // Media ids are UUIDs: nothing else may become a file name (no path tricks).
  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

  @Inject
  @ConfigProperty(name = "switchboard.media.directory", defaultValue = "./switchboard-data/media")
  String directory;

  public FileSystemMediaStore() {}

  /** Over a given directory (tests, tools). */
  public FileSystemMediaStore(Path directory) {
    this.directory = directory.toString();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String put(String mediaId, byte[] bytes) {
    Path target = file(mediaId);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + mediaId + "-", ".part");
      try {
        Files.write(temp, bytes);
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target.getFileName().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write media " + mediaId + " to " + directory, e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so this only happens on file systems without atomic rename.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public byte[] read(String mediaId, String location) {
    try {
      return Files.readAllBytes(file(mediaId));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          "the file of media " + mediaId + " is gone from " + directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read media " + mediaId + " from " + directory, e);
    }
  }

  @Override
  public void delete(String mediaId, String location) {
    try {
      Files.deleteIfExists(file(mediaId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete media " + mediaId + " in " + directory, e);
    }
  }

  private Path file(String mediaId) {
    if (mediaId == null || !ID.matcher(mediaId).matches()) {
      throw new IllegalArgumentException("not a media id: " + mediaId);
    }
    return Path.of(directory).toAbsolutePath().resolve(mediaId);
  }
}
