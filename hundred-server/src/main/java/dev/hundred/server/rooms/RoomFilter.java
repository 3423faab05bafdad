package dev.hundred.server.rooms;

import java.time.Instant;

/** Filters of the rooms list (spec §3.4). Null means "not filtered"; enabled defaults to true upstream. */
public record RoomFilter(Boolean enabled, Instant after, Instant before, String name, String templateId,
                         String start, int limit) {}
