package dev.hundred.server.recordings;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code data} of the transcription webhooks (spec §17.4, webhook.md's tables and order). An output
 * that was not asked for (a mode left out, no summary) has {@code ""} for its asset id, path and link. As the
 * docs' table and example show, {@code transcription.failure} carries the asset ids but no paths or links.
 */
final class TranscriptionEventData {
    static final String STARTED = "transcription.started.success";
    static final String SUCCESS = "transcription.success";
    static final String FAILURE = "transcription.failure";
    /** The outputs in the order the webhooks list them: output mode of the asset, and its key prefix. */
    private static final List<String[]> OUTPUTS = List.of(new String[] {RecordingSpec.SUMMARY, "json", "summary_json"},
            new String[] {RecordingSpec.TRANSCRIPT, "json", "transcript_json"},
            new String[] {RecordingSpec.TRANSCRIPT, "srt", "transcript_srt"},
            new String[] {RecordingSpec.TRANSCRIPT, "txt", "transcript_txt"});

    private TranscriptionEventData() {}

    static Map<String, Object> started(Workspace ws, Room room, MediaJob job, RecordingSpec spec, int duration,
                                       List<Asset> assets, Instant at) {
        Map<String, Object> data = head(ws, room, job, spec, duration, at);
        for (String[] output : OUTPUTS) {
            data.put(output[2] + "_asset_id", find(assets, output).map(Asset::id).orElse(""));
        }
        return data;
    }

    static Map<String, Object> success(Workspace ws, Room room, MediaJob job, RecordingSpec spec, int duration,
                                       List<Asset> assets, Function<Asset, String> presign, Instant at) {
        Map<String, Object> data = head(ws, room, job, spec, duration, at);
        for (String[] output : OUTPUTS) {
            java.util.Optional<Asset> asset = find(assets, output);
            data.put(output[2] + "_asset_id", asset.map(Asset::id).orElse(""));
            data.put(output[2] + "_path", asset.map(Asset::path).orElse(""));
            data.put(output[2] + "_presigned_url", asset.map(presign).orElse(""));
        }
        return data;
    }

    static Map<String, Object> failure(Workspace ws, Room room, MediaJob job, RecordingSpec spec, int duration,
                                       List<Asset> assets, Instant at) {
        return started(ws, room, job, spec, duration, assets, at);
    }

    private static Map<String, Object> head(Workspace ws, Room room, MediaJob job, RecordingSpec spec, int duration,
                                            Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_id", ws.customerId());
        data.put("app_id", ws.id());
        data.put("recording_id", job.id());
        data.put("room_id", job.roomId());
        data.put("room_name", room.name());
        data.put("session_id", job.sessionId());
        data.put("metadata_id", spec.transcription().metadataId());
        data.put("transcription_id", spec.transcription().transcriptionId());
        data.put("metadata_timestamp", at);
        data.put("duration", duration);
        return data;
    }

    private static java.util.Optional<Asset> find(List<Asset> assets, String[] output) {
        return assets.stream().filter(a -> a.type().equals(output[0])
                && output[1].equals(String.valueOf(a.metadata().get("output_mode")))).findFirst();
    }
}
