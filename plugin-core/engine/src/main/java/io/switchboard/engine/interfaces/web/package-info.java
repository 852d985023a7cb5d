/**
 * The engine's own web pages (static files under {@code /admin/}): the headers that keep them to
 * their own scripts and styles. The pages talk to the admin API like any other client.
 */
package io.switchboard.engine.interfaces.web;
