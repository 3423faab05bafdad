package com.example.calls;

import dev.hundred.client.HmsClient;
import dev.hundred.client.model.Room;
import dev.hundred.client.model.RoomCode;
import dev.hundred.client.param.EndRoomParams;
import dev.hundred.client.param.RoomCreateParams;
import java.util.List;

/** What the product does with 100ms: a room per call, codes to share, tokens for the app, hanging up. */
public final class Calls {
    private final HmsClient hms;

    public Calls(HmsClient hms) {
        this.hms = hms;
    }

    /** A call: its room (created, or the existing one of that name) and a join code per role. */
    public record Call(String roomId, String name, List<RoomCode> codes) {}

    public Call create(String name) {
        Room room = hms.rooms().create(RoomCreateParams.builder().name(name).description("call " + name).build());
        return new Call(room.id(), room.name(), hms.roomCodes().create(room.id()));
    }

    /** A token the web or mobile app joins with (minted here, no API call). */
    public String joinToken(String roomId, String userId, boolean host) {
        return hms.tokens().app(roomId, host ? "host" : "guest", userId);
    }

    /** Ends the call for everybody and locks the room. */
    public void hangUp(String roomId) {
        hms.activeRooms().endRoom(roomId, EndRoomParams.builder().reason("call ended").lock(true).build());
    }
}
