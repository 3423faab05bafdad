package dev.hundred.client.service;

import dev.hundred.client.model.IdResult;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.SipCallParams;
import dev.hundred.client.param.SipTrunkParams;

/**
 * SIP, {@code /sip} (spec §16): outbound trunks and calls. DTMF ({@code POST /sip/dtmf}) is sent by a
 * client with an app token, not by a backend, so it is not here.
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
}
