/**
 * The shared inbox view's use cases (docs/agent-api.md): agents signed on by their CRM, what each
 * may see (their CRM connection and teams), the inbox list, a conversation's detail and timeline,
 * replies and notes sent as the agent, presence and the event feed.
 */
package io.switchboard.engine.application.agent;
