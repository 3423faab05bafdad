package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A template's destinations (spec §5.11), camelCase: each a map keyed by destination name, in the order the
 * API sends them, with the name repeated inside.
 * Fields the API sends that a record does not name are kept in its {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record TemplateDestinations(Map<String, RtmpDestination> rtmpDestinations,
                                   Map<String, HlsDestination> hlsDestinations,
                                   Map<String, Transcription> transcriptions,
                                   Map<String, BrowserRecording> browserRecordings,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** RTMP out: up to three {@code rtmpUrls}, the size, and whether it is also recorded. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record RtmpDestination(String name,
                                  Integer width,
                                  Integer height,
                                  Integer maxDuration,
                                  List<String> rtmpUrls,
                                  Boolean recordingEnabled,
                                  Integer autoStopTimeout,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** HLS: its layers, the playlist ({@code event} or {@code live}), metadata, and its recording. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record HlsDestination(String name,
                                 Integer maxDuration,
                                 List<HlsLayer> layers,
                                 String playlistType,
                                 Integer numPlaylistSegments,
                                 Integer videoFrameRate,
                                 Boolean enableMetadataInsertion,
                                 Boolean enableStaticUrl,
                                 Integer autoStopTimeout,
                                 HlsRecording recording,
                                 String role,
                                 @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** One HLS rendition: pixels and bitrates (kbps). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record HlsLayer(Integer width,
                           Integer height,
                           Integer videoBitrate,
                           Integer audioBitrate,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** The recording of an HLS stream: a VOD playlist, one file per layer, a zip, thumbnails. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record HlsRecording(Boolean hlsVod,
                               Boolean singleFilePerLayer,
                               Boolean enableZipUpload,
                               List<HlsLayer> layers,
                               Thumbnails thumbnails,
                               Integer presignDuration,
                               @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Transcription of what peers subscribed by {@code role} say: modes, output formats, summary, translation. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Transcription(String name,
                                String role,
                                List<String> modes,
                                List<String> outputModes,
                                List<String> customVocabulary,
                                Summary summary,
                                Translation translation,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** An AI summary of the transcript, in up to six sections ({@code enable} is read as {@code enabled}). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Summary(@JsonAlias("enable") Boolean enabled,
                          String context,
                          Double temperature,
                          List<SummarySection> sections,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** A summary section: its title and {@code format} ({@code bullets} or {@code paragraph}). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record SummarySection(String title,
                                 String format,
                                 @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Caption translation: the language for each role. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Translation(Boolean enabled,
                              Map<String, String> roleLanguages,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** A browser recording (deprecated: use the template's recording configurations, spec §5.8). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record BrowserRecording(String name,
                                   Integer width,
                                   Integer height,
                                   Integer maxDuration,
                                   Thumbnails thumbnails,
                                   Integer presignDuration,
                                   String role,
                                   Boolean autoStart,
                                   Integer autoStopTimeout,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
