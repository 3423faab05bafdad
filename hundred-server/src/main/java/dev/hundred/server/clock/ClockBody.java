package dev.hundred.server.clock;

/** {@code POST /emulator/v1/clock}: move it ({@code advance_seconds} or {@code set}), and/or (un)freeze it. */
record ClockBody(Double advanceSeconds, String set, Boolean frozen) {}
