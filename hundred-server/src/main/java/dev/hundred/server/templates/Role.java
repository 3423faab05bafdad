package dev.hundred.server.templates;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * A role of a template (spec §5.9). As a request body every field may be missing (null);
 * {@link TemplateDefaults#role} fills them, and the stored role always has every field.
 */
@CamelCase
public record Role(
        String name,
        PublishParams publishParams,
        SubscribeParams subscribeParams,
        Permissions permissions,
        Integer priority,
        Integer maxPeerCount) {

    Role withName(String newName) {
        return new Role(newName, publishParams, subscribeParams, permissions, priority, maxPeerCount);
    }

    Role withSubscribeToRoles(List<String> roles) {
        return new Role(name, publishParams, new SubscribeParams(roles, subscribeParams.maxSubsBitRate(),
                subscribeParams.subscribeDegradation()), permissions, priority, maxPeerCount);
    }

    /** {@code allowed} is a subset of audio, video, screen, simulcast. */
    @CamelCase
    public record PublishParams(List<String> allowed, Audio audio, Video video, Video screen, Simulcast simulcast) {}

    @CamelCase
    public record Audio(Integer bitRate, String codec) {}

    /** Camera video and screen share have the same fields with different ranges. */
    @CamelCase
    public record Video(Integer bitRate, String codec, Integer frameRate, Integer width, Integer height) {}

    @CamelCase
    public record Simulcast(SimulcastLayers video, SimulcastLayers screen) {}

    /** {@code {}} means no simulcast for that source (the docs send {@code "screen": {}}). */
    @CamelCase
    public record SimulcastLayers(List<SimulcastLayer> layers) {}

    @CamelCase
    public record SimulcastLayer(
            String rid,
            @JsonSerialize(using = WholeNumbers.class) Double scaleResolutionDownBy,
            Integer maxBitrate,
            Integer maxFramerate) {}

    @CamelCase
    public record SubscribeParams(List<String> subscribeToRoles, Integer maxSubsBitRate,
                                  SubscribeDegradation subscribeDegradation) {}

    @CamelCase
    public record SubscribeDegradation(Integer packetLossThreshold, Integer degradeGracePeriodSeconds,
                                       Integer recoverGracePeriodSeconds) {}

    /** In the order of the spec's table; {@code pollWrite} includes everything {@code pollRead} allows. */
    @CamelCase
    public record Permissions(
            Boolean endRoom,
            Boolean removeOthers,
            Boolean mute,
            Boolean unmute,
            Boolean changeRole,
            Boolean sendRoomState,
            Boolean pollRead,
            Boolean pollWrite,
            Boolean browserRecording,
            Boolean rtmpStreaming,
            Boolean hlsStreaming) {}
}
