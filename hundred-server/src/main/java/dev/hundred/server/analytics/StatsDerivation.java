package dev.hundred.server.analytics;

import dev.hundred.server.analytics.PeerStats.Publisher;
import dev.hundred.server.analytics.PeerStats.PublisherAudio;
import dev.hundred.server.analytics.PeerStats.PublisherAudioSeries;
import dev.hundred.server.analytics.PeerStats.PublisherVideo;
import dev.hundred.server.analytics.PeerStats.PublisherVideoSeries;
import dev.hundred.server.analytics.PeerStats.Sides;
import dev.hundred.server.analytics.PeerStats.Subscriber;
import dev.hundred.server.analytics.PeerStats.SubscriberAudio;
import dev.hundred.server.analytics.PeerStats.SubscriberAudioSeries;
import dev.hundred.server.analytics.PeerStats.SubscriberVideo;
import dev.hundred.server.analytics.PeerStats.SubscriberVideoSeries;
import dev.hundred.server.templates.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Quality stats made up, deterministically, from what a peer did: one sample every 10 s (aligned to the
 * 10 s grid, like the docs' timestamps) over each of its tracks' lives for the publisher side, and over
 * each track of another peer it could subscribe to (its role's {@code subscribeToRoles}) while both were
 * there for the subscriber side. Rates follow the publishing role's template ({@code publishParams}: bit
 * rates, frame rates, simulcast layers as rids h/m/l); small variations come from a hash of the track, the
 * layer and the instant, so the same session always gives the same numbers. A muted interval sends nothing:
 * bitrate and fps 0 on the publisher side, bitrate null on the subscriber side.
 */
final class StatsDerivation {
    static final long INTERVAL_MS = 10_000;
    private static final int DEFAULT_AUDIO_KBPS = 32;
    private static final Role.Video DEFAULT_VIDEO = new Role.Video(256, "vp8", 25, 320, 180);
    private static final Role.Video DEFAULT_SCREEN = new Role.Video(1024, "vp8", 10, 1280, 720);
    private static final List<String> RIDS = List.of("h", "m", "l");

    /** A publishing rate: one simulcast layer, or the whole track without simulcast (rid null). */
    private record Layer(String rid, long bitrate, int fps) {}

    private final Function<String, Optional<Role>> roles;

    /** {@code roles}: a role of the room's template by name. */
    StatsDerivation(Function<String, Optional<Role>> roles) {
        this.roles = roles;
    }

    /** {@code me} is in the session from {@code joined} to {@code left}. */
    Sides derive(String me, String myRole, Instant joined, Instant left, List<TrackLife> tracks) {
        List<PublisherVideo> pv = new ArrayList<>();
        List<PublisherAudio> pa = new ArrayList<>();
        List<SubscriberVideo> sv = new ArrayList<>();
        List<SubscriberAudio> sa = new ArrayList<>();
        List<String> subscribesTo = roles.apply(myRole).map(Role::subscribeParams)
                .map(Role.SubscribeParams::subscribeToRoles).orElse(List.of());
        for (TrackLife t : tracks) {
            if (t.peerId().equals(me)) {
                List<Long> ts = samples(t.start(), t.end());
                if (t.video()) {
                    layers(t).forEach(l -> pv.add(publisherVideo(t, l, ts)));
                } else {
                    pa.add(publisherAudio(t, ts));
                }
            } else if (subscribesTo.contains(t.role()) && !t.start().isAfter(left) && !t.end().isBefore(joined)) {
                Instant from = t.start().isAfter(joined) ? t.start() : joined;
                Instant to = t.end().isBefore(left) ? t.end() : left;
                List<Long> ts = samples(from, to);
                if (t.video()) {
                    sv.add(subscriberVideo(t, layers(t).get(0), ts));
                } else {
                    sa.add(subscriberAudio(t, ts));
                }
            }
        }
        return new Sides(new Publisher(pv, pa), new Subscriber(sv, sa));
    }

    /** The 10 s grid points from the one at or before {@code from} to the last one before {@code to}. */
    static List<Long> samples(Instant from, Instant to) {
        long start = Math.floorDiv(from.toEpochMilli(), INTERVAL_MS) * INTERVAL_MS;
        long endMs = to.toEpochMilli();
        long last = endMs > from.toEpochMilli() ? Math.floorDiv(endMs - 1, INTERVAL_MS) * INTERVAL_MS : start;
        List<Long> out = new ArrayList<>();
        for (long t = start; t <= last; t += INTERVAL_MS) {
            out.add(t);
        }
        return out;
    }

    private PublisherVideo publisherVideo(TrackLife t, Layer l, List<Long> ts) {
        List<Number> bitrate = new ArrayList<>();
        List<Number> fps = new ArrayList<>();
        List<Number> loss = new ArrayList<>();
        List<Number> rtt = new ArrayList<>();
        for (long at : ts) {
            boolean muted = t.mutedAt(Instant.ofEpochMilli(Math.max(at, t.start().toEpochMilli())));
            String key = t.trackId() + "/" + l.rid();
            bitrate.add(muted ? 0L : Math.round(l.bitrate() * (0.92 + 0.08 * noise(key, at, 0))));
            fps.add(muted ? 0 : Math.max(1, l.fps() - (noise(key, at, 1) < 0.25 ? 1 : 0)));
            loss.add(muted ? 0.0 : hundredths(noise(key, at, 2) * 0.5));
            rtt.add(35 + (int) (noise(key, at, 3) * 20));
        }
        return new PublisherVideo(t.trackId(), t.source().equals("screen") ? "screen" : "regular", l.rid(),
                new PublisherVideoSeries(ts, bitrate, fps, loss, rtt));
    }

    private PublisherAudio publisherAudio(TrackLife t, List<Long> ts) {
        long base = audioKbps(t) * 1000L;
        List<Number> bitrate = new ArrayList<>();
        List<Number> loss = new ArrayList<>();
        List<Number> rtt = new ArrayList<>();
        List<Number> jitter = new ArrayList<>();
        for (long at : ts) {
            boolean muted = t.mutedAt(Instant.ofEpochMilli(Math.max(at, t.start().toEpochMilli())));
            bitrate.add(muted ? 0L : Math.round(base * (0.9 + 0.1 * noise(t.trackId(), at, 0))));
            loss.add(muted ? 0.0 : hundredths(noise(t.trackId(), at, 1) * 0.5));
            rtt.add(35 + (int) (noise(t.trackId(), at, 2) * 20));
            jitter.add(muted ? 0.0 : tenths(1 + noise(t.trackId(), at, 3) * 2));
        }
        return new PublisherAudio(t.trackId(), new PublisherAudioSeries(ts, bitrate, loss, rtt, jitter));
    }

    private SubscriberVideo subscriberVideo(TrackLife t, Layer top, List<Long> ts) {
        List<Number> bitrate = new ArrayList<>();
        List<Number> fps = new ArrayList<>();
        List<Number> freezes = new ArrayList<>();
        String key = t.trackId() + "/received";
        for (long at : ts) {
            boolean muted = t.mutedAt(Instant.ofEpochMilli(Math.max(at, t.start().toEpochMilli())));
            bitrate.add(muted ? null : Math.round(top.bitrate() * (0.85 + 0.1 * noise(key, at, 0))));
            fps.add(muted ? 0 : Math.max(1, top.fps() - (noise(key, at, 1) < 0.3 ? 1 : 0)));
            freezes.add(!muted && noise(key, at, 2) < 0.05 ? 1 : 0);
        }
        return new SubscriberVideo(t.trackId(), t.source().equals("screen") ? "screen" : "regular",
                new SubscriberVideoSeries(ts, bitrate, fps, freezes));
    }

    private SubscriberAudio subscriberAudio(TrackLife t, List<Long> ts) {
        long base = audioKbps(t) * 1000L;
        List<Number> bitrate = new ArrayList<>();
        List<Number> concealed = new ArrayList<>();
        List<Number> loss = new ArrayList<>();
        String key = t.trackId() + "/received";
        for (long at : ts) {
            boolean muted = t.mutedAt(Instant.ofEpochMilli(Math.max(at, t.start().toEpochMilli())));
            bitrate.add(muted ? null : Math.round(base * (0.9 + 0.1 * noise(key, at, 0))));
            concealed.add(!muted && noise(key, at, 1) < 0.2 ? (int) (noise(key, at, 2) * 480) : 0);
            loss.add(muted ? 0.0 : hundredths(noise(key, at, 3) * 0.5));
        }
        return new SubscriberAudio(t.trackId(), new SubscriberAudioSeries(ts, bitrate, concealed, loss));
    }

    /** The track's publishing rates: its role's simulcast layers best first (h, m, l), else one of rid null. */
    private List<Layer> layers(TrackLife t) {
        Optional<Role.PublishParams> params = roles.apply(t.role()).map(Role::publishParams);
        Role.Video video = params.map(p -> t.screen() ? p.screen() : p.video())
                .orElse(t.screen() ? DEFAULT_SCREEN : DEFAULT_VIDEO);
        long bitrate = (video.bitRate() != null ? video.bitRate() : DEFAULT_VIDEO.bitRate()) * 1000L;
        int fps = video.frameRate() != null ? video.frameRate() : DEFAULT_VIDEO.frameRate();
        List<Role.SimulcastLayer> simulcast = params.map(Role.PublishParams::simulcast)
                .map(s -> t.screen() ? s.screen() : s.video())
                .map(Role.SimulcastLayers::layers).orElse(null);
        if (simulcast == null || simulcast.isEmpty()) {
            return List.of(new Layer(null, bitrate, fps));
        }
        List<Role.SimulcastLayer> best = simulcast.stream()
                .sorted(Comparator.comparingDouble(StatsDerivation::scale)).limit(RIDS.size()).toList();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            Role.SimulcastLayer l = best.get(i);
            double scale = scale(l);
            long layerBitrate = l.maxBitrate() != null && l.maxBitrate() > 0 ? l.maxBitrate() * 1000L
                    : Math.round(bitrate / (scale * scale));
            int layerFps = l.maxFramerate() != null && l.maxFramerate() > 0 ? l.maxFramerate() : fps;
            layers.add(new Layer(RIDS.get(i), layerBitrate, layerFps));
        }
        return layers;
    }

    private static double scale(Role.SimulcastLayer l) {
        return l.scaleResolutionDownBy() != null && l.scaleResolutionDownBy() > 0 ? l.scaleResolutionDownBy() : 1;
    }

    private int audioKbps(TrackLife t) {
        return roles.apply(t.role()).map(Role::publishParams).map(Role.PublishParams::audio)
                .map(Role.Audio::bitRate).orElse(DEFAULT_AUDIO_KBPS);
    }

    /** A number in [0, 1) fixed by the key, the instant and the metric (splitmix64's finaliser). */
    static double noise(String key, long at, int metric) {
        long z = key.hashCode() * 0x9E3779B97F4A7C15L + at * 0xBF58476D1CE4E5B9L + metric * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private static double hundredths(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double tenths(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
