package dev.hundred.server.sessions;

import java.time.Instant;

/**
 * Filters of the sessions list (spec §6.3). Null means "not filtered": {@code active} has no default
 * (decisions.md, Defaults the docs contradict). {@code after}/{@code before} bound the start, inclusive.
 */
public record SessionFilter(Boolean active, String roomId, Instant after, Instant before, String id,
                            String start, int limit) {}
