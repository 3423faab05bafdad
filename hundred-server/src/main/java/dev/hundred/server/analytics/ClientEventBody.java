package dev.hundred.server.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What the emulator reports for a peer's client SDK (POST .../client-events), in the error events' own
 * field names (error-events.mdx). {@code user_id}, {@code user_name} and {@code role} are read only for a
 * peer the room never had (a join or connect that failed before the peer existed); otherwise they come
 * from the peer.
 */
record ClientEventBody(
        String type,
        Integer errorCode,
        String errorName,
        String errorMessage,
        String errorDescription,
        Boolean isTerminal,
        String action,
        String domain,
        Agent agent,
        Audio audio,
        Video video,
        Devices devices,
        Integer retriesJoin,
        String transportState,
        String endpoint,
        String userId,
        String userName,
        String role) {

    /** The client's user agent; missing strings are "", {@code string} is made from the others if absent. */
    record Agent(String sdk, String deviceModel, String osVersion, Boolean isPrebuilt, String frameworkVersion,
                 String os, String frameworkSdkVersion, String string, String framework, String domain,
                 String sdkVersion) {}

    /** client.publish.failed only; camelCase keys as the docs show them. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Audio(Integer maxBitrate, String deviceId, Number volume, String codec) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Video(String deviceId, Integer maxFramerate, Integer maxBitrate, String codec, Integer height,
                 Integer width) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Devices(List<JsonNode> videoInput, List<JsonNode> audioInput, List<JsonNode> audioOutput) {}
}
