package dev.hundred.server.gateway;

import dev.hundred.server.activerooms.ActiveRoomErrors;
import dev.hundred.server.activerooms.Bodies;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.auth.AppGrant;
import dev.hundred.server.auth.Tokens;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Routes;
import dev.hundred.server.polls.PollRunService;
import dev.hundred.server.store.Ids;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.http.HttpSession;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer gateway: {@code GET /gateway/v1/peer}, a WebSocket a client opens with its 100ms app token
 * ({@code ?token=} or {@code Authorization: Bearer}) to join the token's room as the token's role. The
 * protocol is in docs/gateway.md: the client sends {@code join}, then may update itself, publish, mute
 * and unpublish tracks, send messages and leave; it is told of every change in its room. What a client
 * may not do (messages too big, not JSON, not read, sockets that never join) and what then happens is in
 * {@link GatewayLimits} and docs/gateway.md, Limits and misbehaving clients.
 * <pre>
 * websocat 'ws://localhost:8080/gateway/v1/peer?token=$APP_TOKEN'   then type {"type":"join","name":"Ann"}
 * </pre>
 */
public final class PeerGateway implements Routes {
    public static final String PATH = "/gateway/v1/peer";
    private static final Logger LOG = LoggerFactory.getLogger(PeerGateway.class);
    private static final String STATE = "hundred.gateway";
    /** Pings keep a quiet peer's socket alive; a socket silent this long is dead (Jetty closes it). */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(90);
    private static final long PING_SECONDS = 25;
    /** Where slow peers are ended: not on the thread that found them slow, which may hold a room's lock. */
    private static final ExecutorService DROPS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "gateway-drop");
        t.setDaemon(true);
        return t;
    });

    private final Tokens tokens;
    private final PeerService peers;
    private final PeerSockets sockets;
    private final PollRunService polls;
    private final WaitingSockets waiting =
            new WaitingSockets(GatewayLimits.WAITING_PER_ADDRESS, GatewayLimits.WAITING_TOTAL);

    public PeerGateway(Tokens tokens, PeerService peers, PeerSockets sockets, PollRunService polls) {
        this.tokens = tokens;
        this.peers = peers;
        this.sockets = sockets;
        this.polls = polls;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.ws(PATH, ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(this::message);
            ws.onBinaryMessage(this::binary);
            ws.onClose(this::closed);
            ws.onError(ctx -> LOG.debug("gateway socket error", ctx.error()));
        });
        // Javalin makes an HTTP session for every WebSocket upgrade, and Jetty keeps it forever (it has no
        // timeout here): about 1 KB held for each connection ever made. The gateway has no use for it.
        routes.wsAfterUpgrade(PATH, ctx -> {
            HttpSession session = ctx.req().getSession(false);
            if (session != null) {
                session.invalidate();
            }
        });
    }

    /**
     * A socket opens: it takes a place among the sockets waiting to join (refused with 4429 when there is
     * none), its token is checked (refused with 4401/4403), and it has 30 s to join (then 4408).
     */
    private void connect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(IDLE_TIMEOUT);
        ctx.session.setMaxTextMessageSize(GatewayLimits.MAX_READ_BYTES);
        ctx.session.setMaxBinaryMessageSize(GatewayLimits.MAX_READ_BYTES);
        PeerSocket socket = new PeerSocket(ctx, address(ctx.session.getRemoteSocketAddress()),
                slow -> DROPS.execute(() -> tooSlow(slow)));
        ctx.attribute(STATE, socket);
        String crowded = socket.takePlace(waiting);
        if (crowded != null) {
            refuse(socket, null, new ApiError(429, "Too many requests", crowded));
            return;
        }
        socket.joinDeadline(GatewayLimits.JOIN_TIMEOUT, () -> {
            if (!socket.joined() && !socket.closing()) {
                refuse(socket, null, new ApiError(408, "Join timeout", GatewayLimits.JOIN_TIMEOUT_REASON));
            }
        });
        String token = ctx.queryParam("token");
        if (token == null || token.isEmpty()) {
            token = bearer(ctx.header("Authorization"));
        }
        try {
            socket.grant(tokens.verifyApp(token));
        } catch (ApiError e) {
            refuse(socket, null, e);
        }
    }

    private void message(WsMessageContext ctx) {
        PeerSocket socket = ctx.attribute(STATE);
        if (socket == null || socket.grant() == null || socket.closing()) {
            return; // refused at connect, or being closed: nothing it says matters any more
        }
        if (Outbox.utf8Length(ctx.message()) > GatewayLimits.MAX_MESSAGE_BYTES) {
            endAndClose(socket, new ApiError(413, "Message too big",
                    "a message must be at most " + GatewayLimits.MAX_MESSAGE_BYTES + " bytes"),
                    GatewayLimits.CLOSE_TOO_BIG, GatewayLimits.TOO_BIG_REASON);
            return;
        }
        ClientMessage msg;
        try {
            msg = MessageReader.read(ctx.message());
        } catch (MessageReader.Unreadable e) {
            socket.send(error(e.requestId, e.error));
            return;
        }
        try {
            handle(socket, msg);
        } catch (ApiError e) {
            socket.send(error(msg.requestId(), e));
        } catch (RuntimeException e) {
            LOG.error("gateway {} failed", msg.type(), e);
            socket.send(error(msg.requestId(), new ApiError(500, "Internal server error")));
        }
    }

    /** The protocol is JSON text: a binary message is refused and its socket closed (1003, RFC 6455 §7.4.1). */
    private void binary(WsBinaryMessageContext ctx) {
        PeerSocket socket = ctx.attribute(STATE);
        if (socket == null || socket.grant() == null || socket.closing()) {
            return;
        }
        endAndClose(socket, MessageReader.invalid(GatewayLimits.BINARY_REASON + ": messages are JSON text"),
                GatewayLimits.CLOSE_UNSUPPORTED_DATA, GatewayLimits.BINARY_REASON);
    }

    private void handle(PeerSocket socket, ClientMessage msg) {
        AppGrant g = socket.grant();
        String type = msg.type();
        if (type.equals("join")) {
            join(socket, msg);
            return;
        }
        String peerId = socket.peerId();
        if (peerId == null || !socket.joined()) {
            throw new ApiError(400, "Invalid request", "join first");
        }
        String room = g.roomId();
        switch (type) {
            case "update" -> socket.send(ok(msg, "peer", peers.update(g.workspace(), room, peerId, msg.name(), msg.metadata())));
            case "send-message" -> socket.send(ok(msg, "message_id", peers.send(g.workspace(), room, peerId,
                    new Bodies.Message(msg.message(), msg.peerId(), msg.role(), msg.messageType())).id()));
            case "publish-track" -> socket.send(ok(msg, "track", peers.publish(g.workspace(), room, peerId, msg.track())));
            case "mute-track" -> socket.send(ok(msg, "track", peers.mute(g.workspace(), room, peerId, msg.trackId(),
                    msg.mute())));
            case "unpublish-track" -> {
                peers.unpublish(g.workspace(), room, peerId, msg.trackId());
                socket.send(ok(msg, null, null));
            }
            case "poll-start" -> socket.send(ok(msg, "poll_session", polls.start(g.workspace(), room, msg.pollId(), peerId)));
            case "poll-stop" -> socket.send(ok(msg, "poll_session", polls.stop(g.workspace(), room, msg.pollId(), peerId)));
            case "poll-response" -> pollResponse(socket, g, peerId, msg);
            case "leave" -> leave(socket, msg);
            default -> throw MessageReader.invalid("unknown type " + type); // MessageReader knows every type
        }
    }

    /**
     * The peer id is made here and the socket registered under it before the join commits, so the joined
     * notice (sent on commit) reaches it and nothing said after the commit is missed. The socket gives up
     * its place among the waiting first (so a client told {@code joined} may open its next socket); a
     * join refused for a track or a field takes it back (the socket stays open to try again).
     */
    private void join(PeerSocket socket, ClientMessage msg) {
        if (socket.peerId() != null) {
            throw new ApiError(400, "Invalid request", "already joined");
        }
        AppGrant g = socket.grant();
        String peerId = Ids.uuid();
        socket.peerId(peerId);
        sockets.attach(peerId, socket);
        socket.givePlace(waiting);
        try {
            peers.join(g.workspace(), g.roomId(), new Bodies.Join(g.role(), msg.name(), g.userId(), msg.metadata(),
                    msg.tracks()), peerId, LivePeer.GATEWAY);
        } catch (RuntimeException e) {
            sockets.detach(peerId, socket);
            socket.peerId(null);
            if (!(e instanceof ApiError refusal)) {
                socket.retakePlace(waiting);
                throw e;
            }
            if (ActiveRoomErrors.isPublishRefusal(refusal) || refusal.status() == 400) {
                socket.retakePlace(waiting);
                throw refusal; // the socket stays open: the client may join again with other fields or tracks
            }
            refuse(socket, msg.requestId(), refusal);
            return;
        }
        socket.joined(true);
        socket.cancelJoinDeadline();
        if (!sockets.attached(peerId, socket)) {
            // The socket closed while the join was being made: the close may have come too early to end it.
            peers.leaveIfJoined(g.workspace(), g.roomId(), peerId, "websocket closed");
            return;
        }
        socket.ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
    }

    /** An answer: ok with the stored response, and {@code correct} for a graded question whose answer is not hidden. */
    private void pollResponse(PeerSocket socket, AppGrant g, String peerId, ClientMessage msg) {
        PollRunService.Answered answered = polls.respond(g.workspace(), g.roomId(), peerId, msg.pollResponse(), true);
        Map<String, Object> reply = ok(msg, "response", answered.response());
        if (answered.correct() != null) {
            reply.put("correct", answered.correct());
        }
        socket.send(reply);
    }

    private void leave(PeerSocket socket, ClientMessage msg) {
        String peerId = socket.peerId();
        AppGrant g = socket.grant();
        socket.startClosing();
        if (sockets.detach(peerId, socket)) {
            peers.leaveIfJoined(g.workspace(), g.roomId(), peerId, "client request");
        }
        socket.sendThenClose(ok(msg, null, null), 1000, "client request");
    }

    /**
     * The client broke a rule that ends its socket (a message too big, a binary one): its peer leaves with
     * reason {@code websocket closed} and the close reason as message; the client is sent the error, then
     * the socket closes.
     */
    private void endAndClose(PeerSocket socket, ApiError why, int code, String reason) {
        if (!socket.startClosing()) {
            return;
        }
        end(socket, reason);
        socket.sendThenClose(error(null, why), code, reason);
    }

    /** The socket's outbox overflowed: its client does not read. Runs on {@link #DROPS}, holding no lock. */
    private void tooSlow(PeerSocket socket) {
        if (!socket.startClosing()) {
            return;
        }
        LOG.info("dropping gateway peer {}: {} messages ({} bytes) unread", socket.peerId(),
                socket.outbox.queuedMessages(), socket.outbox.queuedBytes());
        end(socket, GatewayLimits.TOO_SLOW_REASON);
        socket.close(GatewayLimits.CLOSE_POLICY, GatewayLimits.TOO_SLOW_REASON);
    }

    private void end(PeerSocket socket, String message) {
        String peerId = socket.peerId();
        if (peerId != null && sockets.detach(peerId, socket)) {
            AppGrant g = socket.grant();
            try {
                peers.leaveIfJoined(g.workspace(), g.roomId(), peerId, "websocket closed", message);
            } catch (RuntimeException e) {
                LOG.warn("could not end peer {} ({})", peerId, message, e);
            }
        }
    }

    /**
     * A socket that drops without leaving ends its peer with reason {@code websocket closed}; when Jetty
     * closed it for a message over what it reads (1009), the message says so.
     */
    private void closed(WsCloseContext ctx) {
        ctx.disableAutomaticPings();
        PeerSocket socket = ctx.attribute(STATE);
        if (socket == null) {
            return;
        }
        socket.startClosing();
        socket.cancelJoinDeadline();
        socket.givePlace(waiting);
        end(socket, ctx.status() == GatewayLimits.CLOSE_TOO_BIG ? GatewayLimits.TOO_BIG_REASON : "");
    }

    /** Tells the client why, then closes with 4000 + the HTTP status (4401 bad token, 4403 refused, ...). */
    private static void refuse(PeerSocket socket, String requestId, ApiError e) {
        socket.startClosing();
        socket.sendThenClose(error(requestId, e), 4000 + e.status(),
                e.details().isEmpty() ? e.getMessage() : e.details().get(0));
    }

    private static Map<String, Object> ok(ClientMessage msg, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "ok");
        m.put("request_id", msg.requestId());
        if (key != null) {
            m.put(key, value);
        }
        return m;
    }

    private static Map<String, Object> error(String requestId, ApiError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("request_id", requestId);
        m.put("code", e.status());
        m.put("message", e.getMessage());
        m.put("details", e.details());
        return m;
    }

    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : null;
    }
}
