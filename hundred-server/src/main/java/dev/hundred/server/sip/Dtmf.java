package dev.hundred.server.sip;

import java.time.Instant;
import java.util.List;

/** One DTMF request as a call received it: its digits, the app token's user_id and role, and when. */
public record Dtmf(List<String> digits, String userId, String role, Instant sentAt) {}
