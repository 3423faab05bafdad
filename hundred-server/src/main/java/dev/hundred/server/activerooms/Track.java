package dev.hundred.server.activerooms;

import java.time.Instant;

/** A published track of a connected peer, as the active-rooms API shows it (spec §7.3). */
public record Track(String id, String streamId, boolean mute, String type, String source, Instant startedAt,
                    String description) {}
