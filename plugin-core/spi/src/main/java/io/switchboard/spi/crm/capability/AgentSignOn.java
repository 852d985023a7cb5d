package io.switchboard.spi.crm.capability;

import io.switchboard.spi.PermanentException;
import java.time.Instant;
import java.util.List;

/**
 * Signs agents of the CRM into the bridge's inbox view without a second login: the CRM's UI (an
 * extension, an app frame) issues a short-lived token for the signed-in agent, and the adapter
 * verifies it. The token names the agent and the groups (queues, teams) whose conversations the CRM
 * lets that agent see; the engine shows nothing else.
 *
 * <pre>{@code
 * SignedInAgent agent = signOn.verify(tokenFromTheCrmPage, clock.instant());
 * boolean mayOpen = agent.groups().contains(conversation.group());
 * }</pre>
 *
 * @since 2.3.0
 */
public interface AgentSignOn {

  /**
   * Verifies a token the CRM issued: signature, issuer, audience, expiry (a token that lives longer
   * than a few minutes is refused too).
   *
   * @param now the current time, for the expiry check
   * @return the agent it was issued for
   * @throws PermanentException when the token is not valid, with the reason (never the token) in
   *     the message
   */
  SignedInAgent verify(String token, Instant now) throws PermanentException;

  /**
   * @return the address of the ticket in the CRM's agent UI, for a "open in the CRM" link
   */
  String ticketUrl(String ticketId);

  /**
   * @return the origins ({@code https://crm.example.com}) of the CRM's UI, which may show the view
   *     in a frame; empty when none may
   */
  List<String> frameOrigins();
}
