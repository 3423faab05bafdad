package dev.hundred.client.service;

import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.PresignedUrl;
import dev.hundred.client.model.RecordingAsset;
import dev.hundred.client.net.Query;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.RecordingAssetListParams;

/** Recording assets, {@code /recording-assets} (spec §9). */
public final class RecordingAssetService extends Service {
    public RecordingAssetService(Requester requester) {
        super(requester);
    }

    public RecordingAsset retrieve(String assetId) {
        return r.call("GET", "/recording-assets/" + seg(assetId), null, null, RecordingAsset.class);
    }

    public HmsPage<RecordingAsset> list(RecordingAssetListParams params) {
        return Pages.byLast(r, "/recording-assets", query(params), RecordingAsset.class);
    }

    /** A download link valid for {@code presignDurationSeconds} (the Node SDK's default is 3600). */
    public PresignedUrl presignedUrl(String assetId, int presignDurationSeconds) {
        return r.call("GET", "/recording-assets/" + seg(assetId) + "/presigned-url",
                new Query().add("presign_duration", presignDurationSeconds), null, PresignedUrl.class);
    }
}
