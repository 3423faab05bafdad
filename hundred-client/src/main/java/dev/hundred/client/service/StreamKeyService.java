package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.Message;
import dev.hundred.client.model.StreamKey;
import dev.hundred.client.net.Requester;
import java.util.List;

/** RTMP ingest stream keys, {@code /stream-keys} (spec §12). Reset = {@link #disable} then {@link #create}. */
public final class StreamKeyService extends Service {
    public StreamKeyService(Requester requester) {
        super(requester);
    }

    public StreamKey create(String roomId) {
        return r.call("POST", "/stream-keys/room/" + seg(roomId), null, null, StreamKey.class);
    }

    /** The room's active key (the API answers {@code {data: [key], last}}); 404 when there is none. */
    public StreamKey retrieve(String roomId) {
        JsonNode root = r.tree("GET", "/stream-keys/room/" + seg(roomId), null, null);
        List<StreamKey> keys = Pages.items(r, root.path("data"), StreamKey.class);
        return keys.isEmpty() ? null : keys.get(0);
    }

    public Message disable(String roomId) {
        return r.call("POST", "/stream-keys/room/" + seg(roomId) + "/disable", null, null, Message.class);
    }
}
