package dev.hundred.server.roomcodes;

/** Filters of the room-code list (spec §4.4); null means "not filtered". */
public record RoomCodeFilter(String role, Boolean enabled, String start, int limit) {}
