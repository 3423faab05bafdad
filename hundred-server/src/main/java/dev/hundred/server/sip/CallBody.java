package dev.hundred.server.sip;

import java.util.Map;

/** An outbound call (spec §16): {@code to}, {@code room_code} and {@code trunk_id} are mandatory. */
public record CallBody(String to, String name, String userId, String roomCode, String trunkId, Boolean video,
                       Map<String, String> headers) {}
