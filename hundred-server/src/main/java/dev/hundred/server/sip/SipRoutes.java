package dev.hundred.server.sip;

import dev.hundred.server.auth.AppGrant;
import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.auth.Tokens;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * SIP over HTTP (spec §16), and the emulator's side of the calls (docs/sip.md).
 * <pre>
 * POST /v2/sip/outbound/trunks              create trunk  curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/sip/outbound/trunks -d '{"username":"u","password":"p","address":"x.pstn.twilio.com","from":"+15550100"}'
 * POST /v2/sip/outbound/trunks/{trunk_id}   update trunk  curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/sip/outbound/trunks/$TRUNK -d '{"from":"+15550101"}'
 * POST /v2/sip/outbound/call                dial out      curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/sip/outbound/call -d '{"to":"+15550199","room_code":"abc-defg-hij","trunk_id":"'$TRUNK'"}'
 * POST /v2/sip/dtmf                         DTMF (app token)  curl -X POST -H "Authorization: Bearer $APP_TOKEN" localhost:8080/v2/sip/dtmf -d '{"digits":["1","#"]}'
 * GET  /emulator/v1/sip/trunks/{trunk_id}   a trunk (no password)
 * GET  /emulator/v1/sip/calls/{call_id}     a call, with the DTMF tones it received
 * POST /emulator/v1/sip/calls/{call_id}/hangup   the far end hangs up
 * POST /emulator/v1/sip/inbound             dial in       -d '{"room_code":"abc-defg-hij","from":"+15550142","headers":{"X-100ms-Display-Name":"Ann"}}'
 * </pre>
 */
public final class SipRoutes implements Routes {
    private final SipTrunkService trunks;
    private final SipCallService calls;
    private final Tokens tokens;

    public SipRoutes(SipTrunkService trunks, SipCallService calls, Tokens tokens) {
        this.trunks = trunks;
        this.calls = calls;
        this.tokens = tokens;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/sip/outbound/trunks", this::createTrunk);
        routes.post("/v2/sip/outbound/trunks/{trunk_id}", this::updateTrunk);
        routes.post("/v2/sip/outbound/call", this::call);
        routes.post("/v2/sip/dtmf", this::dtmf);
        routes.get("/emulator/v1/sip/trunks/{trunk_id}", this::trunk);
        routes.get("/emulator/v1/sip/calls/{call_id}", this::getCall);
        routes.post("/emulator/v1/sip/calls/{call_id}/hangup", this::hangUp);
        routes.post("/emulator/v1/sip/inbound", this::dialIn);
    }

    private void createTrunk(Context ctx) {
        ctx.json(trunks.create(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), TrunkBody.class)));
    }

    private void updateTrunk(Context ctx) {
        ctx.json(trunks.update(AuthFilter.workspace(ctx), ctx.pathParam("trunk_id"),
                Json.readBody(ctx.bodyAsBytes(), TrunkBody.class)));
    }

    private void call(Context ctx) {
        ctx.json(calls.call(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), CallBody.class)));
    }

    /** Not behind the management-token filter (AuthFilter): the app token is checked first, then the body. */
    private void dtmf(Context ctx) {
        AppGrant grant = tokens.verifyApp(AuthFilter.bearer(ctx));
        calls.dtmf(grant, Json.readBody(ctx.bodyAsBytes(), DtmfBody.class));
        ctx.json(Map.of());
    }

    private void trunk(Context ctx) {
        ctx.json(trunks.find(AuthFilter.workspace(ctx), ctx.pathParam("trunk_id")).orElseThrow(SipErrors::trunkNotFound));
    }

    private void getCall(Context ctx) {
        ctx.json(calls.find(AuthFilter.workspace(ctx), ctx.pathParam("call_id")));
    }

    private void hangUp(Context ctx) {
        ctx.json(calls.hangUp(AuthFilter.workspace(ctx), ctx.pathParam("call_id")));
    }

    private void dialIn(Context ctx) {
        ctx.json(calls.dialIn(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), InboundBody.class)));
    }
}
