package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.LiveStream;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.LiveStreamListParams;
import dev.hundred.client.param.LiveStreamStartParams;
import dev.hundred.client.param.TimedMetadataParams;
import java.util.List;

/** HLS live streams, {@code /live-streams} (spec §10). */
public final class LiveStreamService extends Service {
    public LiveStreamService(Requester requester) {
        super(requester);
    }

    public LiveStream start(String roomId, LiveStreamStartParams params) {
        return r.call("POST", "/live-streams/room/" + seg(roomId) + "/start", null, body(params), LiveStream.class);
    }

    /** Stops every live stream of the room. */
    public List<LiveStream> stopAll(String roomId) {
        JsonNode root = r.tree("POST", "/live-streams/room/" + seg(roomId) + "/stop", null, null);
        return Pages.items(r, root.path("data"), LiveStream.class);
    }

    public LiveStream stop(String streamId) {
        return action(streamId, "stop", null);
    }

    public LiveStream sendTimedMetadata(String streamId, TimedMetadataParams params) {
        return action(streamId, "timed-metadata", body(params));
    }

    public LiveStream pauseRecording(String streamId) {
        return action(streamId, "pause-recording", null);
    }

    public LiveStream resumeRecording(String streamId) {
        return action(streamId, "resume-recording", null);
    }

    public LiveStream retrieve(String streamId) {
        return r.call("GET", "/live-streams/" + seg(streamId), null, null, LiveStream.class);
    }

    public HmsPage<LiveStream> list(LiveStreamListParams params) {
        return Pages.byLast(r, "/live-streams", query(params), LiveStream.class);
    }

    private LiveStream action(String streamId, String what, Object body) {
        return r.call("POST", "/live-streams/" + seg(streamId) + "/" + what, null, body, LiveStream.class);
    }
}
