package dev.hundred.server.templates;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a template's rooms send media (spec §5.11): maps keyed by destination name, with the name
 * repeated inside. A map nobody set is left out of the template object ({@code "destinations": {}}).
 */
@CamelCase
public record Destinations(
        Map<String, BrowserRecording> browserRecordings,
        Map<String, RtmpDestination> rtmpDestinations,
        Map<String, HlsDestination> hlsDestinations,
        Map<String, Transcription> transcriptions) {

    static final Destinations NONE = new Destinations(null, null, null, null);

    /** The destinations endpoints print every map, empty ones as {@code {}} (retrieve-destinations example). */
    Map<String, Object> withEmptyMaps() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("browserRecordings", browserRecordings != null ? browserRecordings : Map.of());
        all.put("rtmpDestinations", rtmpDestinations != null ? rtmpDestinations : Map.of());
        all.put("hlsDestinations", hlsDestinations != null ? hlsDestinations : Map.of());
        all.put("transcriptions", transcriptions != null ? transcriptions : Map.of());
        return all;
    }

    /** Deprecated in favour of the recordings configuration (§5.8), still accepted. */
    @CamelCase
    public record BrowserRecording(String name, Integer width, Integer height, Integer maxDuration,
                                   Thumbnails thumbnails, Integer presignDuration, String role, Boolean autoStart,
                                   Integer autoStopTimeout) {
        BrowserRecording withName(String newName) {
            return new BrowserRecording(newName, width, height, maxDuration, thumbnails, presignDuration, role,
                    autoStart, autoStopTimeout);
        }
    }

    @CamelCase
    public record RtmpDestination(String name, Integer width, Integer height, Integer maxDuration,
                                  List<String> rtmpUrls, Boolean recordingEnabled, Integer autoStopTimeout) {
        RtmpDestination withName(String newName) {
            return new RtmpDestination(newName, width, height, maxDuration, rtmpUrls, recordingEnabled, autoStopTimeout);
        }
    }

    @CamelCase
    public record HlsDestination(String name, Integer maxDuration, List<HlsLayer> layers, String playlistType,
                                 Integer numPlaylistSegments, Integer videoFrameRate, Boolean enableMetadataInsertion,
                                 Boolean enableStaticUrl, Integer autoStopTimeout, HlsRecording recording,
                                 String role) {
        HlsDestination withName(String newName) {
            return new HlsDestination(newName, maxDuration, layers, playlistType, numPlaylistSegments, videoFrameRate,
                    enableMetadataInsertion, enableStaticUrl, autoStopTimeout, recording, role);
        }
    }

    /** {@code {}} is a valid layer (update-destinations example). */
    @CamelCase
    public record HlsLayer(Integer width, Integer height, Integer videoBitrate, Integer audioBitrate) {}

    @CamelCase
    public record HlsRecording(Boolean hlsVod, Boolean singleFilePerLayer, Boolean enableZipUpload,
                               List<HlsLayer> layers, Thumbnails thumbnails, Integer presignDuration) {}

    @CamelCase
    public record Thumbnails(Boolean enabled, Integer width, Integer height, List<Integer> offsets, Integer fps) {}

    @CamelCase
    public record Transcription(String name, String role, List<String> modes, List<String> outputModes,
                                List<String> customVocabulary, Summary summary, Translation translation) {
        Transcription withName(String newName) {
            return new Transcription(newName, role, modes, outputModes, customVocabulary, summary, translation);
        }
    }

    /** The table calls the flag {@code enable}, every example {@code enabled}: read both, write enabled (§19.8). */
    @CamelCase
    public record Summary(@JsonAlias("enable") Boolean enabled, String context,
                          @JsonSerialize(using = WholeNumbers.class) Double temperature, List<SummarySection> sections) {}

    @CamelCase
    public record SummarySection(String title, String format) {}

    /** Caption mode only. */
    @CamelCase
    public record Translation(Boolean enabled, Map<String, String> roleLanguages) {}
}
