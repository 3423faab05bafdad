package dev.hundred.server.templates;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Template settings (spec §5.10). {@code recording} is printed as {@code null} when unset and
 * {@code retry} is always {@code {}}, as in every example of the docs.
 */
@CamelCase
public record Settings(
        String region,
        @JsonInclude(JsonInclude.Include.ALWAYS) Recording recording,
        RoomState roomState,
        Map<String, Object> retry) {

    /** SFU recording and the storage bucket; {@code enabled} is deprecated but still echoed. */
    @CamelCase
    public record Recording(Boolean enabled, Upload upload) {}

    @CamelCase
    public record Upload(String type, String location, String prefix, UploadOptions options, Credentials credentials) {}

    @CamelCase
    public record UploadOptions(String region) {}

    /** The docs spell the secret {@code secretKey} here and {@code secret} elsewhere: read both, write secretKey (decisions.md). */
    @CamelCase
    public record Credentials(String key, @JsonAlias("secret") String secretKey) {}

    @CamelCase
    public record RoomState(Integer messageInterval, Boolean sendPeerList, Boolean stopRoomStateOnJoin, Boolean enabled) {}
}
