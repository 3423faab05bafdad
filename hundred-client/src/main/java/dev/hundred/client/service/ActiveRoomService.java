package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.ActiveRoom;
import dev.hundred.client.model.Message;
import dev.hundred.client.model.Peer;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.EndRoomParams;
import dev.hundred.client.param.PeerListParams;
import dev.hundred.client.param.PeerUpdateParams;
import dev.hundred.client.param.RemovePeersParams;
import dev.hundred.client.param.SendMessageParams;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Active rooms, {@code /active-rooms} (spec §7): only while a session is live. */
public final class ActiveRoomService extends Service {
    public ActiveRoomService(Requester requester) {
        super(requester);
    }

    public ActiveRoom retrieve(String roomId) {
        return r.call("GET", path(roomId), null, null, ActiveRoom.class);
    }

    /** The connected peers by peer id, in the API's order (no pagination). */
    public Map<String, Peer> listPeers(String roomId, PeerListParams params) {
        JsonNode peers = r.tree("GET", path(roomId) + "/peers", query(params), null).path("peers");
        Map<String, Peer> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = peers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), r.json().convertValue(e.getValue(), Peer.class));
        }
        return out;
    }

    public Map<String, Peer> listPeers(String roomId) {
        return listPeers(roomId, null);
    }

    /** A peer with its tracks. */
    public Peer retrievePeer(String roomId, String peerId) {
        return r.call("GET", path(roomId) + "/peers/" + seg(peerId), null, null, Peer.class);
    }

    /** Renames a peer, changes its role or its metadata. */
    public Peer updatePeer(String roomId, String peerId, PeerUpdateParams params) {
        return r.call("POST", path(roomId) + "/peers/" + seg(peerId), null, body(params), Peer.class);
    }

    public Message sendMessage(String roomId, SendMessageParams params) {
        return r.call("POST", path(roomId) + "/send-message", null, body(params), Message.class);
    }

    public Message removePeers(String roomId, RemovePeersParams params) {
        return r.call("POST", path(roomId) + "/remove-peers", null, body(params), Message.class);
    }

    public Message endRoom(String roomId, EndRoomParams params) {
        return r.call("POST", path(roomId) + "/end-room", null, body(params), Message.class);
    }

    private static String path(String roomId) {
        return "/active-rooms/" + seg(roomId);
    }
}
