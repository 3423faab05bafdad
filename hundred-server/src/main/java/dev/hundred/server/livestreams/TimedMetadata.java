package dev.hundred.server.livestreams;

import java.time.Instant;

/** One timed-metadata cue of a stream: its payload applies from {@code startAt} for {@code durationSeconds}. */
record TimedMetadata(String id, String jobId, String payload, int durationSeconds, Instant startAt) {}
