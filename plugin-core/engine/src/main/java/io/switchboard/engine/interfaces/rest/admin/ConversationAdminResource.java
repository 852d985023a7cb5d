package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.interfaces.rest.AdminApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/conversations}: conversations and their messages. */
@Path("/admin/conversations")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationAdminResource {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @GET
  @Transactional
  @Operation(summary = "Conversations, most recently active first")
  public JsonArray conversations(@QueryParam("limit") @DefaultValue("50") int limit) {
    var conversations =
        em
            .createQuery(
                "select c from Conversation c order by c.updatedAt desc", Conversation.class)
            .setMaxResults(LedgerAdminResource.capped(limit))
            .getResultList()
            .stream()
            .map(c -> ConversationView.of(c, em.find(Customer.class, c.customerId())))
            .toList();
    return AdminJson.array(conversations, ConversationView::toJson).build();
  }

  @GET
  @Path("/{id}/messages")
  @Transactional
  @Operation(summary = "A conversation's messages, oldest first")
  public Response messages(@PathParam("id") String id) {
    if (em.find(Conversation.class, id) == null) {
      return AdminJson.notFound("no conversation " + id);
    }
    var messages =
        em
            .createQuery(
                "select m from Message m where m.conversationId = :c order by m.createdAt, m.id",
                Message.class)
            .setParameter("c", id)
            .getResultList()
            .stream()
            .map(MessageView::of)
            .toList();
    return Response.ok(AdminJson.array(messages, MessageView::toJson).build()).build();
  }
}
