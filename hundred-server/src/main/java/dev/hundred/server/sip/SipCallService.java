package dev.hundred.server.sip;

import dev.hundred.server.activerooms.ActivePeer;
import dev.hundred.server.activerooms.Bodies;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.PeerDeparted;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.auth.AppGrant;
import dev.hundred.server.emulator.EmulatorSettings;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.roomcodes.RoomCode;
import dev.hundred.server.roomcodes.RoomCodeService;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.templates.Role;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * SIP calls (spec §16). An outbound call dials {@code to} through a trunk into the room and role of a room
 * code; the emulator's far end answers at once (workspace setting {@code sip.outbound_call}: answered,
 * declined, timed_out), so the call that "blocks until answered or declined" returns at once. Answered,
 * the caller joins the room under the join rules as a peer of type {@code sip} with an audio track (and a
 * video one when asked), until it hangs up or leaves otherwise. DTMF tones from a client of the room reach
 * every answered call in it, and are recorded there.
 */
public final class SipCallService {
    static final String CLIENT_REQUEST = "client request";
    static final String DISPLAY_NAME_HEADER = "X-100ms-Display-Name";
    static final String USER_ID_HEADER = "X-100ms-UserID";
    static final String ANONYMOUS = "anonymous";

    private final Database db;
    private final CallStore store = new CallStore();
    private final SipTrunkService trunks;
    private final RoomCodeService roomCodes;
    private final RoomService rooms;
    private final TemplateService templates;
    private final PeerService peers;
    private final EmulatorSettings settings;
    private final Clock clock;
    private final Supplier<String> publicUrl;

    public SipCallService(Database db, SipTrunkService trunks, RoomCodeService roomCodes, RoomService rooms,
                          TemplateService templates, PeerService peers, EmulatorSettings settings, DomainEvents events,
                          Clock clock, Supplier<String> publicUrl) {
        this.db = db;
        this.trunks = trunks;
        this.roomCodes = roomCodes;
        this.rooms = rooms;
        this.templates = templates;
        this.peers = peers;
        this.settings = settings;
        this.clock = clock;
        this.publicUrl = publicUrl;
        settings.section(SipSettings.SECTION, SipSettings.class, SipSettings.DEFAULTS, posted -> posted, SipSettings::check);
        events.subscribe(PeerDeparted.class, this::onPeerDeparted);
    }

    /**
     * Dials out: 200 with the call id once answered or declined, 408 {@code timed out}, 403 Peer join refused
     * when the room does not take the caller (disabled, full, the role's limit).
     */
    public SipId call(Workspace ws, CallBody body) {
        SipRules.checkCall(body);
        Map<String, String> headers = SipHeaders.kept(body.headers());
        Trunk trunk = trunks.find(ws, body.trunkId()).orElseThrow(SipErrors::trunkNotFound);
        RoomCode code = usableCode(ws, body.roomCode());
        String peerId = Ids.uuid();
        Instant now = clock.instant();
        SipCall call = new SipCall(Ids.objectId(), ws.id(), SipCall.OUTBOUND, trunk.id(), code.roomId(), code.code(),
                code.role(), body.to(), trunk.from(), orElse(body.name(), masked(body.to())),
                orElse(body.userId(), peerId), Boolean.TRUE.equals(body.video()), headers, peerId, SipCall.RINGING,
                null, now, null, null, List.of());
        String outcome = settings.get(ws, SipSettings.SECTION, SipSettings.class).outboundCall();
        switch (outcome) {
            case SipCall.DECLINED -> insert(call.withStatus(SipCall.DECLINED, "declined", null, now));
            case SipCall.TIMED_OUT -> {
                insert(call.withStatus(SipCall.TIMED_OUT, "timed out", null, now));
                throw SipErrors.timedOut();
            }
            default -> connect(ws, call);
        }
        return new SipId(call.id());
    }

    /** The emulator's dial-in to {@code sip:<room_code>@<host>}; answers the call. */
    public SipCall dialIn(Workspace ws, InboundBody body) {
        if (body.roomCode() == null || body.roomCode().isBlank()) {
            throw SipErrors.mandatory("room_code");
        }
        String from = orElse(body.from(), ANONYMOUS);
        SipRules.line("from", from, SipRules.MAX_TO);
        Map<String, String> headers = SipHeaders.kept(body.headers());
        String name = SipHeaders.find(headers, DISPLAY_NAME_HEADER);
        String userId = SipHeaders.find(headers, USER_ID_HEADER);
        SipRules.optionalLine("name", name, SipRules.MAX_NAME);
        SipRules.optionalLine("user_id", userId, SipRules.MAX_NAME);
        RoomCode code = usableCode(ws, body.roomCode());
        String peerId = Ids.uuid();
        String host = URI.create(publicUrl.get()).getHost();
        SipCall call = new SipCall(Ids.objectId(), ws.id(), SipCall.INBOUND, null, code.roomId(), code.code(),
                code.role(), "sip:" + code.code() + "@" + host, from, orElse(name, masked(from)), orElse(userId, peerId),
                Boolean.TRUE.equals(body.video()), headers, peerId, SipCall.RINGING, null, clock.instant(), null, null,
                List.of());
        connect(ws, call);
        return find(ws, call.id());
    }

    /** The call with the DTMF tones it received; 404 {@code call not found}. */
    public SipCall find(Workspace ws, String callId) {
        if (!Ids.isObjectId(callId)) {
            throw SipErrors.callNotFound();
        }
        return db.read(h -> store.byId(h, ws.id(), callId).map(c -> c.withDtmf(store.dtmfOf(h, c.id()))))
                .orElseThrow(SipErrors::callNotFound);
    }

    /** The far end hangs up: the caller leaves the room ({@code client request}). */
    public SipCall hangUp(Workspace ws, String callId) {
        SipCall call = find(ws, callId);
        if (!call.status().equals(SipCall.ANSWERED)) {
            throw SipErrors.callNotConnected();
        }
        peers.leaveIfJoined(ws, call.roomId(), call.peerId(), CLIENT_REQUEST);
        return find(ws, callId);
    }

    /**
     * DTMF from a client of the app token's room: every answered call in the room receives the digits (none
     * answered: nothing to send, still 200). The tones are recorded with the token's user_id and role.
     */
    public void dtmf(AppGrant grant, DtmfBody body) {
        List<String> digits = SipRules.digits(body);
        if (!Ids.isObjectId(grant.roomId())) {
            throw SipErrors.roomNotFound();
        }
        Workspace ws = grant.workspace();
        db.tx(h -> {
            rooms.require(h, ws, grant.roomId());
            Instant now = clock.instant();
            for (SipCall c : store.answeredInRoom(h, ws.id(), grant.roomId())) {
                store.insertDtmf(h, c.id(), digits, Objects.requireNonNullElse(grant.userId(), ""), grant.role(), now);
            }
            return null;
        });
    }

    /** The call rings, the caller joins the room (or the room refuses it: the call failed), it is answered. */
    private void connect(Workspace ws, SipCall call) {
        insert(call);
        ActivePeer peer;
        try {
            peer = peers.join(ws, call.roomId(), new Bodies.Join(call.role(), call.name(), call.userId(), "",
                    tracks(ws, call)), call.peerId(), LivePeer.TYPE_SIP, LivePeer.SIP);
        } catch (ApiError refused) {
            String why = refused.details().isEmpty() ? refused.getMessage() : refused.details().get(0);
            db.tx(h -> store.transition(h, call.withStatus(SipCall.FAILED, why, null, clock.instant()), SipCall.RINGING));
            throw refused;
        }
        db.tx(h -> store.transition(h, call.withStatus(SipCall.ANSWERED, null, peer.joinedAt(), null), SipCall.RINGING));
    }

    /** An audio track, and a video one for a video call, each if the role may publish it. */
    private List<Bodies.TrackBody> tracks(Workspace ws, SipCall call) {
        List<String> allowed = db.read(h -> templates.find(h, ws, rooms.require(h, ws, call.roomId()).templateId())
                .flatMap(t -> t.findRole(call.role())).map(Role::publishParams).map(Role.PublishParams::allowed)
                .orElse(null));
        List<Bodies.TrackBody> tracks = new ArrayList<>();
        if (allowed == null || allowed.contains("audio")) {
            tracks.add(new Bodies.TrackBody("audio", "regular", "", false));
        }
        if (call.video() && (allowed == null || allowed.contains("video"))) {
            tracks.add(new Bodies.TrackBody("video", "regular", "", false));
        }
        return tracks;
    }

    /** However the caller left (hung up, removed, the room ended), its call ended with the leave reason. */
    private void onPeerDeparted(Handle h, PeerDeparted e) {
        if (!e.peer().transport().equals(LivePeer.SIP)) {
            return;
        }
        store.connectedOfPeer(h, e.peer().id()).ifPresent(c -> store.transition(h, c.withStatus(SipCall.ENDED,
                e.reason(), c.answeredAt() != null ? c.answeredAt() : e.peer().joinedAt(), e.at()), c.status()));
    }

    /** An enabled code of this workspace; 404 {@code room code not found}, 403 {@code room code is disabled}. */
    private RoomCode usableCode(Workspace ws, String code) {
        RoomCode found = (SipRules.isRoomCode(code) ? roomCodes.find(ws, code) : Optional.<RoomCode>empty())
                .orElseThrow(SipErrors::roomCodeNotFound);
        if (!found.enabled()) {
            throw SipErrors.roomCodeDisabled();
        }
        return found;
    }

    private void insert(SipCall call) {
        db.tx(h -> {
            store.insert(h, call);
            return null;
        });
    }

    /**
     * A caller's number as a peer name when none is given: every digit but the last four masked, as the
     * docs say the cloud shows callers who send no display name.
     */
    static String masked(String number) {
        int keep = 4;
        StringBuilder out = new StringBuilder(number);
        int digitsSeen = 0;
        for (int i = out.length() - 1; i >= 0; i--) {
            if (Character.isDigit(out.charAt(i)) && ++digitsSeen > keep) {
                out.setCharAt(i, '*');
            }
        }
        return out.toString();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
