package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The exchange between one customer and one channel account, mirrored as one CRM ticket. A new
 * message from the customer continues the open conversation.
 */
@Entity
@Table(name = "conversation")
public class Conversation {
  public static final String OPEN = "OPEN";

  /** No longer continued by new messages; replies on its ticket still reach the customer. */
  public static final String CLOSED = "CLOSED";

  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "channel_id")
  private String channelId;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "channel_user_id")
  private String channelUserId;

  private String status;

  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Column(name = "crm_ticket_id")
  private String crmTicketId;

  private String assignee;

  @Column(name = "assigned_group")
  private String assignedGroup;

  @Column(name = "crm_ticket_state")
  private String crmTicketState;

  @Column(name = "last_inbound_at")
  private Instant lastInboundAt;

  @Column(name = "referral_json")
  private String referralJson;

  @Column(name = "ad_referral_at")
  private Instant adReferralAt;

  @Column(name = "closed_reason")
  private String closedReason;

  private String labels;

  @Column(name = "ticket_state_at")
  private Instant ticketStateAt;

  @Column(name = "previous_ticket_id")
  private String previousTicketId;

  @Column(name = "first_reply_at")
  private Instant firstReplyAt;

  @Column(name = "last_reply_at")
  private Instant lastReplyAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Conversation() {}

  /** Opens a conversation of a customer on a channel account, to be mirrored in a CRM. */
  public static Conversation open(
      String workspaceId,
      String channelId,
      String customerId,
      String channelUserId,
      String crmConnectionId,
      Instant now) {
    Conversation c = new Conversation();
    c.id = Ids.newId();
    c.workspaceId = workspaceId;
    c.channelId = channelId;
    c.customerId = customerId;
    c.channelUserId = channelUserId;
    c.crmConnectionId = crmConnectionId;
    c.status = OPEN;
    c.createdAt = now;
    c.updatedAt = now;
    return c;
  }

  /** The customer wrote: the customer service window counts from the latest message. */
  public void customerWrote(Instant sentAt, Instant now) {
    if (lastInboundAt == null || sentAt.isAfter(lastInboundAt)) {
      lastInboundAt = sentAt;
    }
    updatedAt = now;
  }

  /**
   * The customer came from an ad: recorded once (the first referral), it opens the channel's free
   * entry window.
   */
  public void cameFromAd(String referral, Instant at, Instant now) {
    if (referralJson == null) {
      referralJson = referral;
      adReferralAt = at;
      updatedAt = now;
    }
  }

  /**
   * Closes the conversation: the customer's next message opens a new one. Its ticket link stays, so
   * an agent's reply on the old ticket still reaches the customer.
   */
  public void close(String reason, Instant now) {
    status = CLOSED;
    closedReason = reason;
    updatedAt = now;
  }

  /** The CRM merged its ticket into another: the surviving ticket mirrors it from now on. */
  public void followMerge(String survivingTicketId, Instant now) {
    crmTicketId = survivingTicketId;
    updatedAt = now;
  }

  /** Remembers the CRM ticket that mirrors this conversation. */
  public void linkTicket(String ticketId, Instant now) {
    if (crmTicketId != null && !crmTicketId.equals(ticketId)) {
      throw new IllegalStateException(
          "conversation " + id + " is already linked to ticket " + crmTicketId);
    }
    crmTicketId = ticketId;
    updatedAt = now;
  }

  /** The CRM reported a new owner (null: unassigned) and group (null: unknown, kept). */
  public void assignTo(String newAssignee, String group, Instant now) {
    assignee = newAssignee;
    if (group != null) {
      assignedGroup = group;
    }
    updatedAt = now;
  }

  /**
   * The CRM said which team (group, RT queue) the ticket is in; the agent view shows the
   * conversation to that team. A null group changes nothing.
   */
  public void inTeam(String group, Instant now) {
    if (group != null && !group.isBlank() && !group.equals(assignedGroup)) {
      assignedGroup = group;
      updatedAt = now;
    }
  }

  /** An agent's reply went out: the first one sets the first-response time. */
  public void agentReplied(Instant at, Instant now) {
    if (firstReplyAt == null) {
      firstReplyAt = at;
    }
    if (lastReplyAt == null || at.isAfter(lastReplyAt)) {
      lastReplyAt = at;
    }
    updatedAt = now;
  }

  /** Replaces the labels (trimmed, de-duplicated, in the given order). */
  public void labelWith(java.util.Collection<String> newLabels, Instant now) {
    String joined =
        String.join(
            ",",
            new java.util.LinkedHashSet<>(
                newLabels.stream().map(String::trim).filter(l -> !l.isEmpty()).toList()));
    labels = joined.isEmpty() ? null : joined;
    updatedAt = now;
  }

  /** The CRM reported its ticket's status ({@code TicketState} name). */
  public void ticketStateIs(String state, Instant now) {
    if (!state.equals(crmTicketState)) {
      ticketStateAt = now;
    }
    crmTicketState = state;
    updatedAt = now;
  }

  /**
   * This conversation follows up on an earlier one whose ticket was solved too long ago to reopen:
   * its ticket will link to that one.
   */
  public void followsUp(String earlierTicketId, Instant now) {
    previousTicketId = earlierTicketId;
    updatedAt = now;
  }

  /** When the CRM ticket's state last changed, or {@code null}. */
  public Instant ticketStateAt() {
    return ticketStateAt;
  }

  /** The ticket of the solved conversation this one follows up on, or {@code null}. */
  public String previousTicketId() {
    return previousTicketId;
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String channelId() {
    return channelId;
  }

  public String customerId() {
    return customerId;
  }

  public String channelUserId() {
    return channelUserId;
  }

  public String status() {
    return status;
  }

  public String crmConnectionId() {
    return crmConnectionId;
  }

  public String crmTicketId() {
    return crmTicketId;
  }

  public String assignee() {
    return assignee;
  }

  public String assignedGroup() {
    return assignedGroup;
  }

  public String crmTicketState() {
    return crmTicketState;
  }

  public Instant lastInboundAt() {
    return lastInboundAt;
  }

  public String referralJson() {
    return referralJson;
  }

  public Instant adReferralAt() {
    return adReferralAt;
  }

  public String closedReason() {
    return closedReason;
  }

  /** The labels, in order; empty when none. */
  public java.util.List<String> labels() {
    return labels == null ? java.util.List.of() : java.util.List.of(labels.split(","));
  }

  public Instant firstReplyAt() {
    return firstReplyAt;
  }

  public Instant lastReplyAt() {
    return lastReplyAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
