package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A template's plugins (spec §5.12), camelCase: which roles may use the whiteboard, and live captions.
 * Fields the API sends that a record does not name are kept in its {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record TemplatePlugins(Whiteboard whiteboard,
                              TranscriptionPlugin transcriptions,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** The whiteboard and who may use it. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Whiteboard(WhiteboardPermissions permissions,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Role names per access level. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record WhiteboardPermissions(List<String> admin,
                                        List<String> writer,
                                        List<String> reader,
                                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Live captions: who administers them, and {@code mode} ({@code caption}). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record TranscriptionPlugin(AdminPermissions permissions,
                                      String mode,
                                      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** The roles that administer a plugin. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record AdminPermissions(List<String> admin,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
