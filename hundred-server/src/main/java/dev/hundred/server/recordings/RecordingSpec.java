package dev.hundred.server.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.assets.Asset;
import dev.hundred.server.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a recording was started with, defaults filled (the template's, then Hundred's), kept as the media
 * job's {@code spec}: the recorder's resolution, audio only, how long presigned links in its webhooks last,
 * and the transcription to run once it completes ({@code transcription_id} and the transcription webhooks'
 * {@code metadata_id} are made at the start, so every node and every retry uses the same ones).
 */
record RecordingSpec(int width, int height, boolean audioOnly, Integer presignDuration, TranscriptionSpec transcription) {

    static final String COMPOSITE = "room-composite";
    static final String CHAT = "chat";
    static final String TRANSCRIPT = "transcript";
    static final String SUMMARY = "summary";

    record TranscriptionSpec(boolean enabled, List<String> outputModes, List<String> customVocabulary,
                             SummarySpec summary, String transcriptionId, String metadataId) {
        boolean summarized() {
            return enabled && summary != null && summary.enabled();
        }
    }

    record SummarySpec(boolean enabled, String context, double temperature, List<Section> sections) {}

    record Section(String title, String format) {}

    boolean transcribed() {
        return transcription != null && transcription.enabled();
    }

    /** The recording object's {@code asset_types} (spec §8.1), as the start example shows them. */
    List<String> assetTypes() {
        List<String> types = new ArrayList<>(List.of(COMPOSITE, CHAT));
        if (transcribed()) {
            types.add(TRANSCRIPT);
            if (transcription.summarized()) {
                types.add(SUMMARY);
            }
        }
        return types;
    }

    /** The room-composite asset's metadata (spec §9.1): its resolution, or the media type of an audio-only file. */
    Map<String, Object> compositeMetadata() {
        if (audioOnly) {
            return Map.of("media_type", "audio");
        }
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put("width", width);
        resolution.put("height", height);
        return Map.of("resolution", resolution);
    }

    ObjectNode toJson() {
        return Json.MAPPER.valueToTree(this);
    }

    static RecordingSpec of(ObjectNode json) {
        return Json.MAPPER.convertValue(json, RecordingSpec.class);
    }

    static boolean isTranscriptionAsset(Asset a) {
        return a.type().equals(TRANSCRIPT) || a.type().equals(SUMMARY);
    }
}
