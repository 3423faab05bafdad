package dev.hundred.server.clock;

import java.time.Instant;

/** What {@code /emulator/v1/clock} answers. */
public record ClockState(Instant now, boolean frozen) {}
