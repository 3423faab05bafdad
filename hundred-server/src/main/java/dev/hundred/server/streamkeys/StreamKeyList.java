package dev.hundred.server.streamkeys;

import java.util.List;

/** The get answer (spec §12): the room's active key in {@code data}, its id as {@code last}; no {@code limit}. */
public record StreamKeyList(List<StreamKey> data, String last) {}
