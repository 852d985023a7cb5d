package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.UploadCheck;
import io.switchboard.engine.domain.AgentUpload;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Ids;
import io.switchboard.engine.domain.MediaStore;
import io.switchboard.engine.infrastructure.media.MediaStores;
import io.switchboard.spi.channel.SendPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Files agents upload to send: checked by their bytes against the send policies of the channels
 * feeding the agent's CRM connection ({@link UploadCheck}), then kept in the media store until a
 * message sends them. An upload belongs to the agent who made it.
 */
@ApplicationScoped
public class AgentUploads {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject MediaStores stores;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject Clock clock;

  /** The stored upload, or why it was refused. */
  public record Outcome(AgentUpload upload, UploadCheck.Verdict verdict) {}

  @Transactional
  public Outcome upload(AgentSession s, byte[] data, String fileName, String workspaceId) {
    UploadCheck.Verdict verdict = UploadCheck.check(data, fileName, policies(s.crm()));
    if (!(verdict instanceof UploadCheck.Accepted accepted)) {
      return new Outcome(null, verdict);
    }
    String id = Ids.newId();
    MediaStore store = stores.current();
    String location = store.put(id, data);
    AgentUpload upload =
        new AgentUpload(
            id,
            workspaceId,
            s.crm(),
            s.login(),
            fileName == null || fileName.isBlank() ? null : fileName,
            accepted.mimeType(),
            accepted.kind().name(),
            data.length,
            sha256(data),
            store.kind(),
            location,
            clock.instant());
    em.persist(upload);
    return new Outcome(upload, verdict);
  }

  /** The agent's own upload. */
  @Transactional
  public Optional<AgentUpload> own(AgentSession s, String id) {
    return Optional.ofNullable(id == null ? null : em.find(AgentUpload.class, id))
        .filter(u -> u.crmConnectionId().equals(s.crm()) && u.agentLogin().equals(s.login()));
  }

  private List<SendPolicy> policies(String crm) {
    List<SendPolicy> out = new ArrayList<>();
    for (ChannelAccount a : connections.channels()) {
      if (crm.equals(a.crmConnectionId())) {
        try {
          out.add(registry.connector(a).sendPolicy());
        } catch (RuntimeException e) {
          // a channel whose plugin is not available takes no files now
        }
      }
    }
    return out;
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
