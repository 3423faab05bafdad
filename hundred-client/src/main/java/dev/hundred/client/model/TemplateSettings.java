package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A template's settings (spec §5.10), camelCase; {@code recording} is null when unset and {@code retry} is
 * {@code {}} in every answer the docs show.
 * Fields the API sends that a record does not name are kept in its {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record TemplateSettings(String region,
                               Recording recording,
                               RoomState roomState,
                               Map<String, Object> retry,
                               @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** SFU recording ({@code enabled} is deprecated) and the bucket its files go to. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Recording(Boolean enabled,
                            Upload upload,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** A storage bucket: {@code type} s3, gs, oss or azure, {@code location} (the bucket), {@code prefix}. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Upload(String type,
                         String location,
                         String prefix,
                         UploadOptions options,
                         Credentials credentials,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** The bucket's region. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record UploadOptions(String region,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** The bucket's key and secret: {@code secretKey} here, though some answers spell it {@code secret} (read both). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Credentials(String key,
                              @JsonAlias("secret") String secretKey,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Room state sent to peers: every {@code messageInterval} seconds (a multiple of 5), with the peer list or not. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record RoomState(Integer messageInterval,
                            Boolean sendPeerList,
                            Boolean stopRoomStateOnJoin,
                            Boolean enabled,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
