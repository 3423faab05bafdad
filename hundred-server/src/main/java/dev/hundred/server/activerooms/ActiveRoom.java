package dev.hundred.server.activerooms;

import java.time.Instant;
import java.util.List;

/** A room with a live session (spec §7.1): the session's connected peer ids in join order. */
public record ActiveRoom(String id, String name, String customerId, LiveSession session) {

    public record LiveSession(String id, Instant createdAt, List<String> peers) {}
}
