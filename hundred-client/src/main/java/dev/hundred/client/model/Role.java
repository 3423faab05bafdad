package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A template role (spec §5.9), in camelCase as the API writes templates, every nested object a record of
 * its own below. Fields the API sends that a record does not name are kept in its {@code extra()}; a field
 * the answer left out is null. To change one field and send the role back, see
 * {@link dev.hundred.client.param.RoleParams#from(Role)}.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Role(String name,
                   PublishParams publishParams,
                   SubscribeParams subscribeParams,
                   Permissions permissions,
                   Integer priority,
                   Integer maxPeerCount,
                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** What the role may publish: {@code allowed} is a subset of audio, video, screen, simulcast. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record PublishParams(List<String> allowed,
                                Audio audio,
                                Video video,
                                Video screen,
                                Simulcast simulcast,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Audio: {@code bitRate} in kbps, {@code codec} {@code opus}. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Audio(Integer bitRate,
                        String codec,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Camera video or screen share (the same fields, different ranges): kbps, codec, frames/s, pixels. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Video(Integer bitRate,
                        String codec,
                        Integer frameRate,
                        Integer width,
                        Integer height,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Simulcast layers for camera video and for screen share. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Simulcast(SimulcastLayers video,
                            SimulcastLayers screen,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Up to three layers; no {@code layers} ({@code {}}) means no simulcast for that source. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record SimulcastLayers(List<SimulcastLayer> layers,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** One layer: {@code rid} f, h or q, how much smaller than the source, its caps (kbps, frames/s). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record SimulcastLayer(String rid,
                                 Double scaleResolutionDownBy,
                                 Integer maxBitrate,
                                 Integer maxFramerate,
                                 @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Whose tracks the role receives, at what total bitrate, and when to degrade it. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record SubscribeParams(List<String> subscribeToRoles,
                                  Integer maxSubsBitRate,
                                  SubscribeDegradation subscribeDegradation,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** Packet loss (percent) at which subscriptions degrade, and the grace periods (seconds). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record SubscribeDegradation(Integer packetLossThreshold,
                                       Integer degradeGracePeriodSeconds,
                                       Integer recoverGracePeriodSeconds,
                                       @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** What peers of the role may do; the server's defaults: the last three true, the others false. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Permissions(Boolean endRoom,
                              Boolean removeOthers,
                              Boolean mute,
                              Boolean unmute,
                              Boolean changeRole,
                              Boolean sendRoomState,
                              Boolean pollRead,
                              Boolean pollWrite,
                              Boolean browserRecording,
                              Boolean rtmpStreaming,
                              Boolean hlsStreaming,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
