package dev.hundred.server.livestreams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.Json;
import dev.hundred.server.templates.Destinations.HlsDestination;
import dev.hundred.server.templates.Destinations.HlsLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A live stream's own parameters, settled at start and kept in the job's {@code spec}: what is recorded,
 * the renditions (the HLS destination's {@code layers}, else {@link #DEFAULT_LADDER}), the playlist kind,
 * the playback URL's secret {@code token}, and the card's {@code title} (the room's name at start).
 */
record LiveStreamSpec(String title, boolean hlsVod, boolean singleFilePerLayer, List<Layer> layers,
                      List<Layer> recordingLayers, String playlistType, int numPlaylistSegments,
                      Integer presignDuration, String token, LiveStreamBody.Transcription transcription) {

    static final String LIVE = "live";
    static final String EVENT = "event";
    /** The cloud's default live window (template numPlaylistSegments: default 5). */
    static final int DEFAULT_SEGMENTS = 5;

    /** A rendition: pixels and kbps, as the template's HLS layers give them. */
    record Layer(int width, int height, int videoBitrate, int audioBitrate) {
        /** Bits per second, for the master playlist's BANDWIDTH. */
        int bandwidth() {
            return (videoBitrate + audioBitrate) * 1000;
        }
    }

    /** A landscape ladder for destinations without layers: 720p down to 240p, best first. */
    static final List<Layer> DEFAULT_LADDER = List.of(new Layer(1280, 720, 2500, 128), new Layer(854, 480, 1200, 128),
            new Layer(640, 360, 700, 96), new Layer(426, 240, 350, 64));

    boolean recorded() {
        return hlsVod || singleFilePerLayer;
    }

    boolean liveTranscription() {
        return transcription != null && Boolean.TRUE.equals(transcription.enabled()) && transcription.modes() != null
                && transcription.modes().contains("live");
    }

    Layer best() {
        return layers.get(0);
    }

    ObjectNode toJson() {
        return Json.MAPPER.valueToTree(this);
    }

    static LiveStreamSpec of(ObjectNode json) {
        return Json.MAPPER.convertValue(json, LiveStreamSpec.class);
    }

    /** The destination's layers ({@code {}} takes the default ladder's rung of its place), or the ladder. */
    static List<Layer> layers(List<HlsLayer> given) {
        if (given == null || given.isEmpty()) {
            return DEFAULT_LADDER;
        }
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            HlsLayer g = given.get(i);
            Layer rung = DEFAULT_LADDER.get(Math.min(i, DEFAULT_LADDER.size() - 1));
            out.add(new Layer(or(g.width(), rung.width()), or(g.height(), rung.height()),
                    or(g.videoBitrate(), rung.videoBitrate()), or(g.audioBitrate(), rung.audioBitrate())));
        }
        return List.copyOf(out);
    }

    static String playlistType(HlsDestination d) {
        return d != null && EVENT.equals(d.playlistType()) ? EVENT : LIVE;
    }

    static int segments(HlsDestination d) {
        return d != null && d.numPlaylistSegments() != null ? d.numPlaylistSegments() : DEFAULT_SEGMENTS;
    }

    private static int or(Integer value, int fallback) {
        return value != null && value > 0 ? value : fallback;
    }
}
