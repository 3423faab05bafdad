package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.Recording;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.RecordingListParams;
import dev.hundred.client.param.RecordingStartParams;
import java.util.List;

/** Recordings, {@code /recordings} (spec §8). */
public final class RecordingService extends Service {
    public RecordingService(Requester requester) {
        super(requester);
    }

    public Recording start(String roomId, RecordingStartParams params) {
        return r.call("POST", "/recordings/room/" + seg(roomId) + "/start", null, body(params), Recording.class);
    }

    /** Stops every recording of the room; answers them, now {@code stopping}. */
    public List<Recording> stopAll(String roomId) {
        JsonNode root = r.tree("POST", "/recordings/room/" + seg(roomId) + "/stop", null, null);
        return Pages.items(r, root.path("data"), Recording.class);
    }

    public Recording stop(String recordingId) {
        return r.call("POST", "/recordings/" + seg(recordingId) + "/stop", null, null, Recording.class);
    }

    public Recording pause(String roomId) {
        return r.call("POST", "/recordings/room/" + seg(roomId) + "/pause", null, null, Recording.class);
    }

    public Recording resume(String roomId) {
        return r.call("POST", "/recordings/room/" + seg(roomId) + "/resume", null, null, Recording.class);
    }

    /** A recording with its {@code recording_assets}. */
    public Recording retrieve(String recordingId) {
        return r.call("GET", "/recordings/" + seg(recordingId), null, null, Recording.class);
    }

    public HmsPage<Recording> list(RecordingListParams params) {
        return Pages.byLast(r, "/recordings", query(params), Recording.class);
    }
}
