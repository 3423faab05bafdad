package dev.hundred.server.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Room-level {@code recording_info} (spec §3.6); echoed back as given, credentials included. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordingInfo(Boolean enabled, UploadInfo uploadInfo) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UploadInfo(String type, String location, String prefix, Options options, Credentials credentials) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Options(String region) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credentials(String key, String secret) {}
}
