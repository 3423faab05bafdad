package dev.hundred.server.analytics;

import dev.hundred.server.activerooms.LiveAccess;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.RoomTx;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client error events (error-events.mdx) an emulated client reports for a peer: checked, completed
 * from the peer, its room and its session, and kept as an analytics event in one transaction of the room.
 */
final class ClientEvents {
    static final List<String> ACTIONS = List.of("PUBLISH", "SUBSCRIBE", "JOIN", "RECONNECT_SIGNAL", "INIT");
    static final int MAX_TEXT = 1024;
    static final int MAX_DESCRIPTION = 4096;

    private final LiveAccess live;
    private final AnalyticsStore store;

    ClientEvents(LiveAccess live, AnalyticsStore store) {
        this.live = live;
        this.store = store;
    }

    /** Answers the stored event. 404 Room not found / Peer not found; 400 for a body that breaks a rule. */
    AnalyticsEvent report(Workspace ws, String roomId, String peerId, ClientEventBody body) {
        check(body);
        return live.inRoom(ws, roomId, tx -> {
            Optional<LivePeer> known = tx.knownPeer(peerId);
            if (known.isEmpty() && !mayPrecedeThePeer(body.type())) {
                throw AnalyticsErrors.peerNotFound();
            }
            Map<String, Object> data = data(tx, peerId, known.orElse(null), body);
            String sessionId = (String) data.get("session_id");
            EventRow row = new EventRow(Ids.uuid(), ws.id(), roomId, body.type(), sessionId, peerId,
                    (String) data.get("user_id"), null, tx.now(), Json.write(data));
            store.insert(tx.handle(), row);
            return row.wire();
        });
    }

    /** A join or a connection can fail before the room ever had the peer. */
    private static boolean mayPrecedeThePeer(String type) {
        return type.equals(EventTypes.JOIN_FAILED) || type.equals(EventTypes.CONNECT_FAILED);
    }

    private static void check(ClientEventBody b) {
        if (b.type() == null || b.type().isEmpty()) {
            throw AnalyticsErrors.badBody("type is required");
        }
        if (!EventTypes.isError(b.type())) {
            throw AnalyticsErrors.badBody("type must be one of " + String.join(", ", EventTypes.ERRORS));
        }
        if (b.errorCode() == null) {
            throw AnalyticsErrors.badBody("error_code is required");
        }
        required("error_name", b.errorName());
        required("error_message", b.errorMessage());
        if (b.action() != null && !ACTIONS.contains(b.action())) {
            throw AnalyticsErrors.badBody("action must be one of " + String.join(", ", ACTIONS));
        }
        if (!b.type().equals(EventTypes.PUBLISH_FAILED)) {
            for (var extra : new Object[][] {{"audio", b.audio()}, {"video", b.video()}, {"devices", b.devices()}}) {
                if (extra[1] != null) {
                    throw AnalyticsErrors.badBody(extra[0] + " is only for " + EventTypes.PUBLISH_FAILED);
                }
            }
        }
        if (b.retriesJoin() != null && b.retriesJoin() < 0) {
            throw AnalyticsErrors.badBody("retries_join must not be negative");
        }
        length("error_description", b.errorDescription(), MAX_DESCRIPTION);
        for (var field : new String[][] {{"error_name", b.errorName()}, {"error_message", b.errorMessage()},
                {"domain", b.domain()}, {"transport_state", b.transportState()}, {"endpoint", b.endpoint()},
                {"user_id", b.userId()}, {"user_name", b.userName()}, {"role", b.role()}}) {
            length(field[0], field[1], MAX_TEXT);
        }
        ClientEventBody.Agent a = b.agent();
        if (a != null) {
            for (var field : new String[][] {{"sdk", a.sdk()}, {"device_model", a.deviceModel()},
                    {"os_version", a.osVersion()}, {"framework_version", a.frameworkVersion()}, {"os", a.os()},
                    {"framework_sdk_version", a.frameworkSdkVersion()}, {"framework", a.framework()},
                    {"domain", a.domain()}, {"sdk_version", a.sdkVersion()}}) {
                length("agent." + field[0], field[1], MAX_TEXT);
            }
            length("agent.string", a.string(), MAX_DESCRIPTION);
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw AnalyticsErrors.badBody(field + " is required");
        }
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw AnalyticsErrors.badBody(field + " must not contain NUL characters");
        }
        if (value != null && value.length() > max) {
            throw AnalyticsErrors.badBody(field + " is longer than " + max + " characters");
        }
    }

    /** The data object in the docs' field order; what the room does not know is left out. */
    private static Map<String, Object> data(RoomTx tx, String peerId, LivePeer peer, ClientEventBody b) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("user_id", peer != null ? peer.userId() : or(b.userId(), peerId));
        d.put("user_name", peer != null ? peer.name() : or(b.userName(), ""));
        d.put("peer_id", peerId);
        d.put("account_id", tx.workspace().customerId());
        d.put("room_id", tx.room().id());
        String sessionId = peer != null ? peer.sessionId() : tx.session() != null ? tx.session().id() : null;
        if (sessionId != null) { // "the session ID may not always be present"
            d.put("session_id", sessionId);
        }
        d.put("room_name", tx.room().name());
        d.put("template_id", tx.room().templateId());
        String role = peer != null ? peer.role() : b.role();
        if (role != null && !role.isEmpty()) {
            d.put("role", role);
        }
        d.put("error_code", b.errorCode());
        d.put("error_name", b.errorName());
        d.put("error_message", b.errorMessage());
        d.put("error_description", or(b.errorDescription(), ""));
        String domain = b.domain() != null ? b.domain() : b.agent() != null ? b.agent().domain() : null;
        if (domain != null && !domain.isEmpty()) {
            d.put("domain", domain);
        }
        d.put("is_terminal", Boolean.TRUE.equals(b.isTerminal()));
        d.put("action", or(b.action(), EventTypes.defaultAction(b.type())));
        putIfSet(d, "retries_join", b.retriesJoin());
        putIfSet(d, "transport_state", b.transportState());
        putIfSet(d, "endpoint", b.endpoint());
        if (b.type().equals(EventTypes.PUBLISH_FAILED)) {
            d.put("audio", audio(b.audio()));
            d.put("video", video(b.video()));
            d.put("devices", devices(b.devices()));
        }
        d.put("agent", agent(b.agent()));
        return d;
    }

    private static Map<String, Object> audio(ClientEventBody.Audio a) {
        ClientEventBody.Audio v = a != null ? a : new ClientEventBody.Audio(null, null, null, null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxBitrate", or(v.maxBitrate(), 0));
        m.put("deviceId", or(v.deviceId(), ""));
        m.put("volume", v.volume() != null ? v.volume() : 0);
        m.put("codec", or(v.codec(), ""));
        return m;
    }

    private static Map<String, Object> video(ClientEventBody.Video v0) {
        ClientEventBody.Video v = v0 != null ? v0 : new ClientEventBody.Video(null, null, null, null, null, null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deviceId", or(v.deviceId(), ""));
        m.put("maxFramerate", or(v.maxFramerate(), 0));
        m.put("maxBitrate", or(v.maxBitrate(), 0));
        m.put("codec", or(v.codec(), ""));
        m.put("height", or(v.height(), 0));
        m.put("width", or(v.width(), 0));
        return m;
    }

    private static Map<String, Object> devices(ClientEventBody.Devices d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("videoInput", d == null || d.videoInput() == null ? List.of() : d.videoInput());
        m.put("audioInput", d == null || d.audioInput() == null ? List.of() : d.audioInput());
        m.put("audioOutput", d == null || d.audioOutput() == null ? List.of() : d.audioOutput());
        return m;
    }

    /** The agent object in the docs' key order; {@code string} summarises the others when not given. */
    private static Map<String, Object> agent(ClientEventBody.Agent a0) {
        ClientEventBody.Agent a = a0 != null ? a0
                : new ClientEventBody.Agent(null, null, null, null, null, null, null, null, null, null, null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sdk", or(a.sdk(), ""));
        m.put("device_model", or(a.deviceModel(), ""));
        m.put("os_version", or(a.osVersion(), ""));
        m.put("is_prebuilt", Boolean.TRUE.equals(a.isPrebuilt()));
        m.put("framework_version", or(a.frameworkVersion(), ""));
        m.put("os", or(a.os(), ""));
        m.put("framework_sdk_version", or(a.frameworkSdkVersion(), ""));
        m.put("string", "");
        m.put("framework", or(a.framework(), ""));
        m.put("domain", or(a.domain(), ""));
        m.put("sdk_version", or(a.sdkVersion(), ""));
        m.put("string", a.string() != null ? a.string() : summary(m));
        return m;
    }

    /** Like the SDKs' own: {@code os:...,os_version:...,sdk:...,...} (error-events.mdx examples). */
    private static String summary(Map<String, Object> a) {
        return "os:" + a.get("os") + ",os_version:" + a.get("os_version") + ",sdk:" + a.get("sdk")
                + ",sdk_version:" + a.get("sdk_version") + ",device_model:" + a.get("device_model")
                + ",env:prod,domain:" + a.get("domain") + ",is_prebuilt:" + a.get("is_prebuilt")
                + ",framework:" + a.get("framework") + ",framework_version:" + a.get("framework_version")
                + ",framework_sdk_version:" + a.get("framework_sdk_version");
    }

    private static void putIfSet(Map<String, Object> d, String key, Object value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
