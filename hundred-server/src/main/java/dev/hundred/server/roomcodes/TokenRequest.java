package dev.hundred.server.roomcodes;

/** The body of the client-facing {@code POST /v2/token} (spec §2.3): a room code and an optional user id. */
public record TokenRequest(String code, String userId) {}
