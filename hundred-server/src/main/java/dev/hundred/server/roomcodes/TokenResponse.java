package dev.hundred.server.roomcodes;

/** {@code {"token": "<app JWT>"}}, what the web SDK reads from the code exchange (spec §2.3). */
record TokenResponse(String token) {}
