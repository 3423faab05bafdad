package dev.hundred.server.rooms;

import java.util.Map;

/** A room's own webhook {@code {url, headers}}: when set, the workspace webhook is not used for it. */
public record RoomWebhook(String url, Map<String, String> headers) {}
