package dev.hundred.client.service;

import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.Room;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.RoomListParams;
import dev.hundred.client.param.RoomUpdateParams;

/** Rooms, {@code /rooms} (spec §3). */
public final class RoomService extends Service {
    public RoomService(Requester requester) {
        super(requester);
    }

    /** Creates a room, or updates the room of that name (the API upserts by name). */
    public Room create(RoomCreateParams params) {
        return r.call("POST", "/rooms", null, body(params), Room.class);
    }

    public Room retrieve(String roomId) {
        return r.call("GET", "/rooms/" + seg(roomId), null, null, Room.class);
    }

    /** The room of that name, through the list's {@code name} filter (disabled rooms too); null when none. */
    public Room retrieveByName(String name) {
        for (Boolean enabled : new Boolean[] {true, false}) {
            HmsPage<Room> page = list(RoomListParams.builder().name(name).enabled(enabled).build());
            if (!page.data().isEmpty()) {
                return page.data().get(0);
            }
        }
        return null;
    }

    public HmsPage<Room> list(RoomListParams params) {
        return Pages.byLast(r, "/rooms", query(params), Room.class);
    }

    public HmsPage<Room> list() {
        return list(null);
    }

    public Room update(String roomId, RoomUpdateParams params) {
        return r.call("POST", "/rooms/" + seg(roomId), null, body(params), Room.class);
    }

    /** {@code {"enabled": true|false}}: a disabled room cannot be joined. */
    public Room enable(String roomId, boolean enabled) {
        return update(roomId, RoomUpdateParams.builder().enabled(enabled).build());
    }
}
