package dev.hundred.server.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hundred.server.polls.Poll;
import java.util.List;

/**
 * One workspace as {@code GET /emulator/v1/export} writes it and {@code POST /emulator/v1/import} reads it
 * (docs/emulator.md): what a team sets up, with its ids and times, and none of what happened in it
 * (sessions, recordings, events). Lists are oldest first; the templates are camelCase like the API's.
 */
@JsonPropertyOrder({"version", "templates", "rooms", "room_codes", "polls", "stream_keys", "settings"})
public record Snapshot(
        Integer version,
        List<TemplateEntry> templates,
        List<RoomEntry> rooms,
        List<RoomCodeEntry> roomCodes,
        List<Poll> polls,
        List<StreamKeyEntry> streamKeys,
        SettingsEntry settings) {

    /** The format this server writes and reads; a document of another version is refused. */
    public static final int VERSION = 1;
}
