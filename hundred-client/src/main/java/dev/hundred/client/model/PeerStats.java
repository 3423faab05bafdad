package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;

/**
 * A peer's quality time series in a session (spec §13.4): what it published and what it received, per track.
 * Fields the API sends that a record does not name are kept in its {@code extra()}; a field the answer
 * left out is null.
 */
public record PeerStats(String peerId,
                        String sessionId,
                        String roomId,
                        Side publisher,
                        Side subscriber,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** One side's tracks (empty lists when there is no data). */
    public record Side(List<TrackStats> video,
                       List<TrackStats> audio,
                       @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** One track: its id, {@code type} ({@code regular} or {@code screen}, video only), {@code rid} (a simulcast layer or null). */
    public record TrackStats(String trackId,
                             String type,
                             String rid,
                             TimeSeries timeSeries,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /**
     * Samples, one per entry of {@code timestamps} (Unix ms); each kind of track has some of the series
     * (publisher video: bitrate, fps, packet loss, rtt; publisher audio: bitrate, packet loss, rtt, jitter;
     * subscriber video: bitrate, fps, freezes; subscriber audio: bitrate, concealed samples, packet loss),
     * the others are null. Entries may be null (nothing measured in that interval).
     */
    public record TimeSeries(List<Long> timestamps,
                             List<Double> bitrate,
                             List<Double> fps,
                             List<Double> packetLossPercent,
                             List<Double> rttMs,
                             List<Double> jitterMs,
                             List<Double> freezeCount,
                             List<Double> concealedSamples,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
