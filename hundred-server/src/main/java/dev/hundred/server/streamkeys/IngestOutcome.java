package dev.hundred.server.streamkeys;

import java.util.Map;

/**
 * What the emulator's ingest call answers: the webhook the RTMP connection produced ({@code type}, e.g.
 * {@code ingest.start.failure}) and its {@code data}, exactly as the receiver gets them.
 */
public record IngestOutcome(String type, Map<String, Object> data) {}
