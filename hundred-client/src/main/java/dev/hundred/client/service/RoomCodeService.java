package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.RoomCode;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.RoomCodeListParams;
import dev.hundred.client.model.AuthToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Room codes, {@code /room-codes} (spec §4), and their exchange for app tokens on the client-facing auth host
 * ({@code POST <authBaseUrl>/token}, spec §2.3).
 */
public final class RoomCodeService extends Service {
    private final String authBaseUrl;

    public RoomCodeService(Requester requester, String authBaseUrl) {
        super(requester);
        this.authBaseUrl = authBaseUrl;
    }

    /** A code for every role of the room's template. */
    public List<RoomCode> create(String roomId) {
        JsonNode root = r.tree("POST", "/room-codes/room/" + seg(roomId), null, null);
        return Pages.items(r, root.path("data"), RoomCode.class);
    }

    /** A code for one role. */
    public RoomCode create(String roomId, String role) {
        return r.call("POST", "/room-codes/room/" + seg(roomId) + "/role/" + seg(role), null, null, RoomCode.class);
    }

    public HmsPage<RoomCode> list(String roomId, RoomCodeListParams params) {
        return Pages.byLast(r, "/room-codes/room/" + seg(roomId), query(params), RoomCode.class);
    }

    public HmsPage<RoomCode> list(String roomId) {
        return list(roomId, null);
    }

    /** Enables or disables a code. */
    public RoomCode update(String code, boolean enabled) {
        return r.call("POST", "/room-codes/code", null, Map.of("code", code, "enabled", enabled), RoomCode.class);
    }

    /**
     * Exchanges an enabled room code for an app token (24 h) to join its room as its role, as a client SDK
     * does: no management token is sent. {@code userId} may be null (the server then picks one). Retried
     * like a GET: a repeat only mints another token. Errors: 404 for an unknown code, 403 for a disabled
     * code or room.
     */
    public String authToken(String code, String userId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        if (userId != null) {
            body.put("user_id", userId);
        }
        return r.callWith(authBaseUrl, null, "POST", "/token", body, AuthToken.class, true).token();
    }

    public String authToken(String code) {
        return authToken(code, null);
    }

    /** Where {@link #authToken} sends codes. */
    public String authBaseUrl() {
        return authBaseUrl;
    }
}
