package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.RoomCode;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.RoomCodeListParams;
import java.util.List;
import java.util.Map;

/** Room codes, {@code /room-codes} (spec §4). */
public final class RoomCodeService extends Service {
    public RoomCodeService(Requester requester) {
        super(requester);
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
}
