/**
 * Where the bytes of fetched media live: the file system store and the choice between it and the
 * database store ({@code switchboard.media.store}).
 */
package io.switchboard.engine.infrastructure.media;
