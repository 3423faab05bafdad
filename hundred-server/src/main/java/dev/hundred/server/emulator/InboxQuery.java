package dev.hundred.server.emulator;

import java.util.List;

/**
 * What {@code GET /emulator/v1/events} asks for: events of any of {@code types} (empty: every type), of
 * {@code roomId} (null: every room), after the event {@code after} (null: from the oldest kept), at most
 * {@code limit}.
 */
record InboxQuery(List<String> types, String roomId, String after, int limit) {}
