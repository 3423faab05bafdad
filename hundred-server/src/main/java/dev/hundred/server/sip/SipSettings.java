package dev.hundred.server.sip;

import dev.hundred.server.http.ApiError;
import java.util.List;

/**
 * The emulator's "sip" settings section: how the far end answers an outbound call. {@code answered} (the
 * default: the callee picks up at once), {@code declined} (the call answers 200 with its id, no peer joins)
 * or {@code timed_out} (408 {@code timed out}).
 */
public record SipSettings(String outboundCall) {
    public static final String SECTION = "sip";
    public static final SipSettings DEFAULTS = new SipSettings(SipCall.ANSWERED);
    static final List<String> OUTCOMES = List.of(SipCall.ANSWERED, SipCall.DECLINED, SipCall.TIMED_OUT);

    static SipSettings check(SipSettings s) {
        if (s.outboundCall() == null || !OUTCOMES.contains(s.outboundCall())) {
            throw ApiError.badBody("sip.outbound_call must be one of " + String.join(", ", OUTCOMES));
        }
        return s;
    }
}
