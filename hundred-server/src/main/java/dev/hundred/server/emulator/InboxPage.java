package dev.hundred.server.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer of {@code GET /emulator/v1/events}: the events, oldest first, each the envelope a webhook
 * receiver gets, and {@code last}: the id of the last of them, or the {@code after} given when there are
 * none ("" without one), to pass as {@code after} next time.
 */
public record InboxPage(List<JsonNode> events, String last) {}
