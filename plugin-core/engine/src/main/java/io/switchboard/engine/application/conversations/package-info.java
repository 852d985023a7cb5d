/** The read side of conversations: lists and timelines for the admin API and the agent view. */
package io.switchboard.engine.application.conversations;
