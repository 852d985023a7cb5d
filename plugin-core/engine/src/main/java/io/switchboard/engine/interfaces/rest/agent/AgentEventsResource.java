package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.AgentEventFeed;
import io.switchboard.engine.application.agent.AgentSession;
import io.switchboard.engine.interfaces.rest.AgentApi;
import io.switchboard.engine.interfaces.rest.CurrentAgent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /agent/events}: the agent's live events as server-sent events ({@code conversation},
 * {@code message}, {@code presence}, a {@code : ping} comment every 15 s), for the conversations
 * the session may see; fed by the instance's {@link AgentEventFeed}.
 */
@Path("/agent")
@AgentApi
@RequestScoped
public class AgentEventsResource {
  @Inject CurrentAgent current;
  @Inject AgentEventFeed feed;

  @GET
  @Path("/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary =
          "Live events (text/event-stream): conversation {id}, message {conversation, id,"
              + " status}, presence {conversation, viewers}; ': ping' every 15 s")
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    feed.subscribe(new SinkSubscriber(current.session(), sink, sse));
  }

  /** An open SSE stream as the feed writes to it; a failed write closes it. */
  private record SinkSubscriber(AgentSession session, SseEventSink sink, Sse sse)
      implements AgentEventFeed.Subscriber {
    @Override
    public boolean send(String event, String data) {
      return write(sse.newEventBuilder().name(event).data(String.class, data).build());
    }

    @Override
    public boolean ping() {
      return write(sse.newEventBuilder().comment("ping").build());
    }

    @Override
    public void close() {
      sink.close();
    }

    private boolean write(OutboundSseEvent event) {
      if (sink.isClosed()) {
        return false;
      }
      try {
        sink.send(event)
            .whenComplete(
                (ok, failure) -> {
                  if (failure != null) {
                    sink.close();
                  }
                });
        return true;
      } catch (RuntimeException e) {
        sink.close();
        return false;
      }
    }
  }
}
