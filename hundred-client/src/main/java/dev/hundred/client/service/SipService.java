package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.IdResult;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.SipCallParams;
import dev.hundred.client.param.SipTrunkParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SIP, {@code /sip} (spec §16): outbound trunks and calls with the management token, and DTMF tones, which
 * the API takes from a client of the room, with its app token.
 */
public final class SipService extends Service {
    public SipService(Requester requester) {
        super(requester);
    }

    public IdResult createTrunk(SipTrunkParams params) {
        return r.call("POST", "/sip/outbound/trunks", null, body(params), IdResult.class);
    }

    public IdResult updateTrunk(String trunkId, SipTrunkParams params) {
        return r.call("POST", "/sip/outbound/trunks/" + seg(trunkId), null, body(params), IdResult.class);
    }

    /** Dials out; the API answers once the call is answered or declined (408 on timeout). */
    public IdResult call(SipCallParams params) {
        return r.call("POST", "/sip/outbound/call", null, body(params), IdResult.class);
    }

    /**
     * Sends DTMF tones ({@code 0-9}, {@code *}, {@code #}, {@code a-d}) to the SIP calls in the app token's
     * room, as a peer of that room would ({@code POST /sip/dtmf} with {@code appToken}, e.g. from
     * {@code hms.tokens().app(roomId, role, userId)}). Not retried after it reached the server: tones are not
     * idempotent. 400 {@code invalid digit} or {@code digits are mandatory}.
     */
    public void dtmf(String appToken, List<String> digits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("digits", digits);
        r.callWith(r.baseUrl(), Objects.requireNonNull(appToken, "appToken"), "POST", "/sip/dtmf", body,
                JsonNode.class, false);
    }
}
