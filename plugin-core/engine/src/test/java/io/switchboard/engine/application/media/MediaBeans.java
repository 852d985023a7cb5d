package io.switchboard.engine.application.media;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.EffectRecords;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.infrastructure.media.MediaStores;
import io.switchboard.engine.infrastructure.persistence.JpaMediaRepository;
import io.switchboard.engine.infrastructure.persistence.JpaMessageRepository;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The media beans wired by hand over a test database, each public method in the transaction its
 * {@code @Transactional} asks for, as the container runs them.
 */
public final class MediaBeans {
  public final JpaMediaRepository repository;
  public final MediaAttachQueue attachQueue = new MediaAttachQueue();
  public final MediaIntake intake = new MediaIntake();
  public final MediaRecords records;
  public final MediaFiles files;
  public final MediaForCrm forCrm;
  public final MediaAdmin admin;
  public final MediaFetchEffect fetch = new MediaFetchEffect();
  public final MediaAttachEffect attach = new MediaAttachEffect();
  public final MediaRetention retention = new MediaRetention();
  public final MediaLinks links;

  public MediaBeans(
      TestTransactions tx,
      Clock clock,
      Outbox outbox,
      PluginRegistry registry,
      EffectRecords effectRecords,
      MediaStores stores,
      MediaSettings settings,
      String secretsKey) {
    repository = new JpaMediaRepository(tx.entityManager());
    attachQueue.em = tx.entityManager();
    attachQueue.outbox = outbox;
    intake.media = repository;
    intake.outbox = outbox;
    intake.clock = clock;
    records = records(tx);
    records.em = tx.entityManager();
    records.media = repository;
    records.stores = stores;
    records.attachments = attachQueue;
    records.settings = settings;
    records.clock = clock;
    files = files(tx);
    files.media = repository;
    files.stores = stores;
    files.clock = clock;
    forCrm = forCrm(tx);
    forCrm.media = repository;
    forCrm.files = files;
    forCrm.attachments = attachQueue;
    forCrm.clock = clock;
    admin = admin(tx);
    admin.em = tx.entityManager();
    admin.media = repository;
    admin.messages = new JpaMessageRepository(tx.entityManager());
    admin.outbox = outbox;
    admin.clock = clock;
    fetch.records = records;
    fetch.registry = registry;
    fetch.settings = settings;
    fetch.names = new MediaFileNames();
    attach.records = effectRecords;
    attach.files = files;
    attach.registry = registry;
    retention.files = files;
    retention.settings = settings;
    retention.clock = clock;
    links = new MediaLinks(secretsKey, "https://bridge.example.com", settings, clock);
  }

  private static MediaRecords records(TestTransactions tx) {
    return new MediaRecords() {
      @Override
      public FetchSubject forFetch(String mediaId) throws PermanentException {
        return Tx.call(tx, () -> super.forFetch(mediaId));
      }

      @Override
      public void attemptFailed(String mediaId, String error, FailureReason reason) {
        tx.run(() -> super.attemptFailed(mediaId, error, reason));
      }

      @Override
      public boolean stored(
          String mediaId, byte[] bytes, String detectedType, String fileName, String sha256) {
        return tx.required(() -> super.stored(mediaId, bytes, detectedType, fileName, sha256));
      }

      @Override
      public void unavailable(String mediaId, FailureReason reason, String error) {
        tx.run(() -> super.unavailable(mediaId, reason, error));
      }

      @Override
      public void replaying(String mediaId) {
        tx.run(() -> super.replaying(mediaId));
      }
    };
  }

  private static MediaFiles files(TestTransactions tx) {
    return new MediaFiles() {
      @Override
      public Optional<MediaObject> find(String mediaId) {
        return tx.required(() -> super.find(mediaId));
      }

      @Override
      public Optional<StoredFile> stored(String mediaId) {
        return tx.required(() -> super.stored(mediaId));
      }

      @Override
      public StoredFile read(MediaObject m) {
        return tx.required(() -> super.read(m));
      }

      @Override
      public List<String> storedBefore(Instant before, int limit) {
        return tx.required(() -> super.storedBefore(before, limit));
      }

      @Override
      public boolean expire(String mediaId, Instant before) {
        return tx.requiresNew(() -> super.expire(mediaId, before));
      }
    };
  }

  private static MediaForCrm forCrm(TestTransactions tx) {
    return new MediaForCrm() {
      @Override
      public InEntry forEntry(String messageId) {
        return tx.required(() -> super.forEntry(messageId));
      }
    };
  }

  private static MediaAdmin admin(TestTransactions tx) {
    return new MediaAdmin() {
      @Override
      public Optional<MediaObject> find(String id) {
        return tx.required(() -> super.find(id));
      }

      @Override
      public Optional<List<MediaObject>> ofMessage(String messageId) {
        return tx.required(() -> super.ofMessage(messageId));
      }

      @Override
      public Retry retry(String id) {
        return tx.required(() -> super.retry(id));
      }
    };
  }

  /** A transaction around work that may throw the SPI's permanent failure. */
  public static final class Tx {
    private Tx() {}

    /** Work that may fail permanently. */
    public interface Work<T> {
      T get() throws PermanentException;
    }

    public static <T> T call(TestTransactions tx, Work<T> work) throws PermanentException {
      try {
        return tx.required(
            () -> {
              try {
                return work.get();
              } catch (PermanentException e) {
                throw new Tunnel(e);
              }
            });
      } catch (Tunnel t) {
        throw t.permanent;
      }
    }

    private static final class Tunnel extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient PermanentException permanent;

      Tunnel(PermanentException e) {
        super(e);
        this.permanent = e;
      }
    }
  }
}
