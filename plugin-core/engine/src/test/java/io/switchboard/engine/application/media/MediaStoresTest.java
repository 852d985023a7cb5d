package io.switchboard.engine.application.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.domain.MediaStore;
import io.switchboard.engine.infrastructure.media.FileSystemMediaStore;
import io.switchboard.engine.infrastructure.media.MediaStores;
import io.switchboard.engine.infrastructure.persistence.DatabaseMediaStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file system store keeps bytes by media id, replaces them whole and deletes them; the store is
 * chosen by configuration. (The database store is tested with the pipeline, MediaPipelineTest.)
 */
class MediaStoresTest {
  private static final String ID = "4f1c2a9e-8d7b-4c35-9a61-0d2e5b7f3c18";

  @TempDir Path dir;

  @Test
  @DisplayName("file system: one file named by the id, replaced atomically, no temporary left")
  void fileSystem() throws Exception {
    FileSystemMediaStore store = new FileSystemMediaStore(dir.resolve("media"));

    String location = store.put(ID, MediaSamples.png());
    store.put(ID, MediaSamples.jpeg()); // a retried fetch replaces it

    assertThat(store.read(ID, location)).isEqualTo(MediaSamples.jpeg());
    try (Stream<Path> files = Files.list(dir.resolve("media"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ID);
    }
    store.delete(ID, location);
    store.delete(ID, location); // gone already: nothing happens
    assertThatThrownBy(() -> store.read(ID, location))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gone");
  }

  @Test
  @DisplayName("file system: only media ids become file names")
  void fileSystemRefusesPaths() {
    FileSystemMediaStore store = new FileSystemMediaStore(dir);

    assertThatThrownBy(() -> store.put("../../etc/passwd", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("switchboard.media.store picks the store; an unknown name is a clear error")
  void selection() {
    DatabaseMediaStore database = new DatabaseMediaStore();
    FileSystemMediaStore files = new FileSystemMediaStore(dir);

    MediaStore chosen = new MediaStores(database, files, "filesystem").current();
    assertThat(chosen).isSameAs(files);
    assertThat(new MediaStores(database, files, "database").current()).isSameAs(database);
    assertThat(new MediaStores(database, files, "filesystem").of("database")).isSameAs(database);
    assertThatThrownBy(() -> new MediaStores(database, files, "s3").current())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("switchboard.media.store=s3")
        .hasMessageContaining("database or filesystem");
  }
}
