package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A template's recording configuration (spec §5.8), camelCase. Answers leave out false booleans
 * ({@code "trackRecording": {}}), so a flag the answer left out (null) means false.
 * Fields the API sends that a record does not name are kept in its {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record RecordingConfig(String name,
                              String role,
                              Integer maxDuration,
                              Integer presignDuration,
                              Thumbnails thumbnails,
                              CompositeRecording compositeRecording,
                              Toggle trackRecording,
                              StreamRecording streamRecording,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** The composite recording: by a browser (the recorder bot) or custom. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record CompositeRecording(BrowserComposite browserComposite,
                                     Toggle customComposite,
                                     @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** The browser composite: starts with the session ({@code autoStart}) or not, its size, its idle timeout (s). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record BrowserComposite(Boolean enabled,
                                   Boolean autoStart,
                                   Integer autoStopTimeout,
                                   Integer width,
                                   Integer height,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** A recording that is on or off. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Toggle(Boolean enabled,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Per-stream recording, with its size. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record StreamRecording(Boolean enabled,
                                  Integer width,
                                  Integer height,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
