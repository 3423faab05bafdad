package dev.hundred.server.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A peer's quality stats in a session, exactly as 100ms shows them (peer-quality-stats.mdx): per track,
 * time series sampled at one instant per entry of {@code timestamps} (Unix ms). The same records read
 * what the emulator sets ({@link Sides}), so what is set is what is served.
 */
public record PeerStats(String peerId, String sessionId, String roomId, Publisher publisher, Subscriber subscriber) {

    /** The body of POST /emulator/v1/sessions/{id}/peers/{id}/stats: both sides, either may be left out. */
    record Sides(Publisher publisher, Subscriber subscriber) {}

    public record Publisher(List<PublisherVideo> video, List<PublisherAudio> audio) {}

    public record Subscriber(List<SubscriberVideo> video, List<SubscriberAudio> audio) {}

    /** {@code rid} is the simulcast layer ({@code h}, {@code m}, {@code l}) or null without simulcast. */
    public record PublisherVideo(String trackId, String type, @JsonInclude(JsonInclude.Include.ALWAYS) String rid,
                                 PublisherVideoSeries timeSeries) {}

    public record PublisherVideoSeries(List<Long> timestamps, List<Number> bitrate, List<Number> fps,
                                       List<Number> packetLossPercent, List<Number> rttMs) {}

    public record PublisherAudio(String trackId, PublisherAudioSeries timeSeries) {}

    public record PublisherAudioSeries(List<Long> timestamps, List<Number> bitrate, List<Number> packetLossPercent,
                                       List<Number> rttMs, List<Number> jitterMs) {}

    public record SubscriberVideo(String trackId, String type, SubscriberVideoSeries timeSeries) {}

    /** {@code bitrate} entries may be null (nothing measured in that interval). */
    public record SubscriberVideoSeries(List<Long> timestamps, List<Number> bitrate, List<Number> fps,
                                        List<Number> freezeCount) {}

    public record SubscriberAudio(String trackId, SubscriberAudioSeries timeSeries) {}

    public record SubscriberAudioSeries(List<Long> timestamps, List<Number> bitrate, List<Number> concealedSamples,
                                        List<Number> packetLossPercent) {}
}
