package dev.hundred.server.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.activerooms.ActiveRoomErrors;
import dev.hundred.server.activerooms.Bodies;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.auth.AppGrant;
import dev.hundred.server.auth.Tokens;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import dev.hundred.server.polls.PollRunService;
import dev.hundred.server.store.Ids;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.http.HttpSession;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer gateway: {@code GET /gateway/v1/peer}, a WebSocket a client opens with its 100ms app token
 * ({@code ?token=} or {@code Authorization: Bearer}) to join the token's room as the token's role. The
 * protocol is in docs/gateway.md: the client sends {@code join}, then may update itself, publish, mute
 * and unpublish tracks, send messages and leave; it is told of every change in its room.
 * <pre>
 * websocat 'ws://localhost:8080/gateway/v1/peer?token=$APP_TOKEN'   then type {"type":"join","name":"Ann"}
 * </pre>
 */
public final class PeerGateway implements Routes {
    public static final String PATH = "/gateway/v1/peer";
    private static final Logger LOG = LoggerFactory.getLogger(PeerGateway.class);
    private static final String STATE = "hundred.gateway";
    /** A socket that has not joined within this long is closed by Jetty's idle timeout. */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    /** After the join: pings keep a quiet peer's socket alive; a socket silent this long is dead. */
    private static final Duration JOINED_IDLE_TIMEOUT = Duration.ofSeconds(90);
    private static final long PING_SECONDS = 25;
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final Tokens tokens;
    private final PeerService peers;
    private final PeerSockets sockets;
    private final PollRunService polls;

    /** What one socket is: the grant of its token and, once it joins, its peer id. */
    private static final class Connection {
        final AppGrant grant;
        volatile String peerId;

        Connection(AppGrant grant) {
            this.grant = grant;
        }
    }

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

    private void connect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(JOIN_TIMEOUT);
        ctx.session.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        String token = ctx.queryParam("token");
        if (token == null || token.isEmpty()) {
            token = bearer(ctx.header("Authorization"));
        }
        try {
            ctx.attribute(STATE, new Connection(tokens.verifyApp(token)));
        } catch (ApiError e) {
            refuse(ctx, null, e);
        }
    }

    private void message(WsMessageContext ctx) {
        Connection conn = ctx.attribute(STATE);
        if (conn == null) {
            return; // refused at connect; the socket is closing
        }
        ClientMessage msg;
        JsonNode tree = null;
        try {
            tree = Json.MAPPER.readTree(ctx.message());
            msg = Json.MAPPER.treeToValue(tree, ClientMessage.class);
        } catch (JsonProcessingException e) {
            // A message that is JSON but not a valid one still gets its request_id back, when it has one.
            JsonNode id = tree == null ? null : tree.get("request_id");
            reply(ctx, error(id != null && id.isTextual() ? id.asText() : null,
                    new ApiError(400, "Invalid message", Json.describe(e))));
            return;
        }
        if (msg == null) {
            reply(ctx, error(null, new ApiError(400, "Invalid message", "a message is a JSON object")));
            return;
        }
        try {
            handle(ctx, conn, msg);
        } catch (ApiError e) {
            reply(ctx, error(msg.requestId(), e));
        } catch (RuntimeException e) {
            LOG.error("gateway {} failed", msg.type(), e);
            reply(ctx, error(msg.requestId(), new ApiError(500, "Internal server error")));
        }
    }

    private void handle(WsMessageContext ctx, Connection conn, ClientMessage msg) {
        AppGrant g = conn.grant;
        String type = msg.type() == null ? "" : msg.type();
        if (type.equals("join")) {
            join(ctx, conn, msg);
            return;
        }
        String peerId = conn.peerId;
        if (peerId == null) {
            throw new ApiError(400, "Invalid request", "join first");
        }
        String room = g.roomId();
        switch (type) {
            case "update" -> reply(ctx, ok(msg, "peer", peers.update(g.workspace(), room, peerId, msg.name(), msg.metadata())));
            case "send-message" -> reply(ctx, ok(msg, "message_id", peers.send(g.workspace(), room, peerId,
                    new Bodies.Message(msg.message(), msg.peerId(), msg.role(), msg.messageType())).id()));
            case "publish-track" -> reply(ctx, ok(msg, "track", peers.publish(g.workspace(), room, peerId, msg.track())));
            case "mute-track" -> reply(ctx, ok(msg, "track", peers.mute(g.workspace(), room, peerId, msg.trackId(),
                    Boolean.TRUE.equals(msg.mute()))));
            case "unpublish-track" -> {
                peers.unpublish(g.workspace(), room, peerId, msg.trackId());
                reply(ctx, ok(msg, null, null));
            }
            case "poll-start" -> reply(ctx, ok(msg, "poll_session", polls.start(g.workspace(), room, msg.pollId(), peerId)));
            case "poll-stop" -> reply(ctx, ok(msg, "poll_session", polls.stop(g.workspace(), room, msg.pollId(), peerId)));
            case "poll-response" -> pollResponse(ctx, g, peerId, msg);
            case "leave" -> leave(ctx, conn, msg);
            default -> throw new ApiError(400, "Invalid message", "unknown type " + type);
        }
    }

    /**
     * The peer id is made here and the socket registered under it before the join commits, so the joined
     * notice (sent on commit) reaches it and nothing said after the commit is missed.
     */
    private void join(WsMessageContext ctx, Connection conn, ClientMessage msg) {
        if (conn.peerId != null) {
            throw new ApiError(400, "Invalid request", "already joined");
        }
        AppGrant g = conn.grant;
        String peerId = Ids.uuid();
        conn.peerId = peerId;
        sockets.attach(peerId, ctx);
        try {
            peers.join(g.workspace(), g.roomId(), new Bodies.Join(g.role(), msg.name(), g.userId(), msg.metadata(),
                    msg.tracks()), peerId, LivePeer.GATEWAY);
        } catch (RuntimeException e) {
            sockets.detach(peerId, ctx);
            conn.peerId = null;
            if (!(e instanceof ApiError refusal)) {
                throw e;
            }
            if (ActiveRoomErrors.isPublishRefusal(refusal)) {
                throw refusal; // the socket stays open: the client may join again without the track
            }
            refuse(ctx, msg.requestId(), refusal);
            return;
        }
        if (!sockets.attached(peerId, ctx)) {
            // The socket closed while the join was being made: the close may have come too early to end it.
            peers.leaveIfJoined(g.workspace(), g.roomId(), peerId, "websocket closed");
            return;
        }
        ctx.session.setIdleTimeout(JOINED_IDLE_TIMEOUT);
        ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
        try {
            polls.tellRunning(g.workspace(), g.roomId(), peerId);
        } catch (RuntimeException e) {
            LOG.warn("could not tell peer {} of the polls running in its room", peerId, e); // it has joined all the same
        }
    }

    /** An answer: ok with the stored response, and {@code correct} for a graded question whose answer is not hidden. */
    private void pollResponse(WsMessageContext ctx, AppGrant g, String peerId, ClientMessage msg) {
        PollRunService.Answered answered = polls.respond(g.workspace(), g.roomId(), peerId, msg.pollResponse(), true);
        Map<String, Object> reply = ok(msg, "response", answered.response());
        if (answered.correct() != null) {
            reply.put("correct", answered.correct());
        }
        reply(ctx, reply);
    }

    private void leave(WsMessageContext ctx, Connection conn, ClientMessage msg) {
        String peerId = conn.peerId;
        AppGrant g = conn.grant;
        if (sockets.detach(peerId, ctx)) {
            peers.leaveIfJoined(g.workspace(), g.roomId(), peerId, "client request");
        }
        conn.peerId = null;
        reply(ctx, ok(msg, null, null));
        PeerSockets.close(ctx, 1000, "client request");
    }

    /** A socket that drops without leaving ends its peer with reason {@code websocket closed}. */
    private void closed(WsCloseContext ctx) {
        ctx.disableAutomaticPings();
        Connection conn = ctx.attribute(STATE);
        String peerId = conn == null ? null : conn.peerId;
        if (peerId != null && sockets.detach(peerId, ctx)) {
            try {
                peers.leaveIfJoined(conn.grant.workspace(), conn.grant.roomId(), peerId, "websocket closed");
            } catch (RuntimeException e) {
                LOG.warn("could not end peer {} after its socket closed", peerId, e);
            }
        }
    }

    /** Tells the client why, then closes with 4000 + the HTTP status (4401 bad token, 4403 refused, ...). */
    private static void refuse(WsContext ctx, String requestId, ApiError e) {
        reply(ctx, error(requestId, e));
        PeerSockets.close(ctx, 4000 + e.status(), e.details().isEmpty() ? e.getMessage() : e.details().get(0));
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

    private static void reply(WsContext ctx, Map<String, Object> message) {
        ctx.send(Json.write(message));
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : null;
    }
}
