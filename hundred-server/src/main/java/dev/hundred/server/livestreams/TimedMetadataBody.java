package dev.hundred.server.livestreams;

/** {@code POST /v2/live-streams/{id}/timed-metadata} (spec §10.2): both fields required. */
record TimedMetadataBody(String payload, Integer duration) {}
