package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.ExternalStream;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.ExternalStreamListParams;
import dev.hundred.client.param.ExternalStreamStartParams;
import java.util.List;

/** RTMP-out streams, {@code /external-streams} (spec §11). */
public final class ExternalStreamService extends Service {
    public ExternalStreamService(Requester requester) {
        super(requester);
    }

    public ExternalStream start(String roomId, ExternalStreamStartParams params) {
        return r.call("POST", "/external-streams/room/" + seg(roomId) + "/start", null, body(params), ExternalStream.class);
    }

    public List<ExternalStream> stopAll(String roomId) {
        JsonNode root = r.tree("POST", "/external-streams/room/" + seg(roomId) + "/stop", null, null);
        return Pages.items(r, root.path("data"), ExternalStream.class);
    }

    public ExternalStream stop(String streamId) {
        return r.call("POST", "/external-streams/" + seg(streamId) + "/stop", null, null, ExternalStream.class);
    }

    public ExternalStream retrieve(String streamId) {
        return r.call("GET", "/external-streams/" + seg(streamId), null, null, ExternalStream.class);
    }

    public HmsPage<ExternalStream> list(ExternalStreamListParams params) {
        return Pages.byLast(r, "/external-streams", query(params), ExternalStream.class);
    }
}
