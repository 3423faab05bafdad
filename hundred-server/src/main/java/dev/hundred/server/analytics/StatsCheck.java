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
import java.util.ArrayList;
import java.util.List;

/**
 * Checks stats the emulator sets and fills what was left out with empty arrays, so that what is served has
 * the documented shape whatever was sent: every series as long as its {@code timestamps} or empty (no data
 * for that metric), numbers not negative, packet loss a percentage, nulls only where the docs allow them
 * (subscriber bitrate).
 */
final class StatsCheck {
    static final int MAX_TRACKS = 100;
    static final int MAX_SAMPLES = 10_000;

    private StatsCheck() {}

    static Sides normalize(Sides body) {
        Publisher p = body.publisher() != null ? body.publisher() : new Publisher(null, null);
        Subscriber s = body.subscriber() != null ? body.subscriber() : new Subscriber(null, null);
        List<PublisherVideo> pv = new ArrayList<>();
        each("publisher.video", p.video(), (at, v) -> {
            PublisherVideoSeries t = v.timeSeries() != null ? v.timeSeries()
                    : new PublisherVideoSeries(null, null, null, null, null);
            List<Long> ts = timestamps(at, t.timestamps());
            pv.add(new PublisherVideo(trackId(at, v.trackId()), videoType(at, v.type()), rid(at, v.rid()),
                    new PublisherVideoSeries(ts, series(at, "bitrate", t.bitrate(), ts, false),
                            series(at, "fps", t.fps(), ts, false), loss(at, t.packetLossPercent(), ts),
                            series(at, "rtt_ms", t.rttMs(), ts, false))));
        });
        List<PublisherAudio> pa = new ArrayList<>();
        each("publisher.audio", p.audio(), (at, a) -> {
            PublisherAudioSeries t = a.timeSeries() != null ? a.timeSeries()
                    : new PublisherAudioSeries(null, null, null, null, null);
            List<Long> ts = timestamps(at, t.timestamps());
            pa.add(new PublisherAudio(trackId(at, a.trackId()),
                    new PublisherAudioSeries(ts, series(at, "bitrate", t.bitrate(), ts, false),
                            loss(at, t.packetLossPercent(), ts), series(at, "rtt_ms", t.rttMs(), ts, false),
                            series(at, "jitter_ms", t.jitterMs(), ts, false))));
        });
        List<SubscriberVideo> sv = new ArrayList<>();
        each("subscriber.video", s.video(), (at, v) -> {
            SubscriberVideoSeries t = v.timeSeries() != null ? v.timeSeries()
                    : new SubscriberVideoSeries(null, null, null, null);
            List<Long> ts = timestamps(at, t.timestamps());
            sv.add(new SubscriberVideo(trackId(at, v.trackId()), videoType(at, v.type()),
                    new SubscriberVideoSeries(ts, series(at, "bitrate", t.bitrate(), ts, true),
                            series(at, "fps", t.fps(), ts, false),
                            series(at, "freeze_count", t.freezeCount(), ts, false))));
        });
        List<SubscriberAudio> sa = new ArrayList<>();
        each("subscriber.audio", s.audio(), (at, a) -> {
            SubscriberAudioSeries t = a.timeSeries() != null ? a.timeSeries()
                    : new SubscriberAudioSeries(null, null, null, null);
            List<Long> ts = timestamps(at, t.timestamps());
            sa.add(new SubscriberAudio(trackId(at, a.trackId()),
                    new SubscriberAudioSeries(ts, series(at, "bitrate", t.bitrate(), ts, true),
                            series(at, "concealed_samples", t.concealedSamples(), ts, false),
                            loss(at, t.packetLossPercent(), ts))));
        });
        return new Sides(new Publisher(pv, pa), new Subscriber(sv, sa));
    }

    private interface Item<T> {
        void check(String at, T item);
    }

    private static <T> void each(String field, List<T> items, Item<T> check) {
        if (items == null) {
            return;
        }
        if (items.size() > MAX_TRACKS) {
            throw AnalyticsErrors.badBody(field + " has more than " + MAX_TRACKS + " entries");
        }
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            if (items.get(i) == null) {
                throw AnalyticsErrors.badBody(at + " must be an object");
            }
            check.check(at, items.get(i));
        }
    }

    private static String trackId(String at, String trackId) {
        if (trackId == null || trackId.isEmpty()) {
            throw AnalyticsErrors.badBody(at + ".track_id is required");
        }
        if (trackId.length() > 255 || trackId.indexOf('\0') >= 0) {
            throw AnalyticsErrors.badBody(at + ".track_id must be at most 255 characters, without NUL characters");
        }
        return trackId;
    }

    private static String videoType(String at, String type) {
        if (type == null) {
            return "regular";
        }
        if (!type.equals("regular") && !type.equals("screen")) {
            throw AnalyticsErrors.badBody(at + ".type must be regular or screen");
        }
        return type;
    }

    private static String rid(String at, String rid) {
        if (rid != null && !List.of("h", "m", "l").contains(rid)) {
            throw AnalyticsErrors.badBody(at + ".rid must be h, m, l or null");
        }
        return rid;
    }

    private static List<Long> timestamps(String at, List<Long> timestamps) {
        if (timestamps == null) {
            return List.of();
        }
        if (timestamps.size() > MAX_SAMPLES) {
            throw AnalyticsErrors.badBody(at + ".time_series.timestamps has more than " + MAX_SAMPLES + " entries");
        }
        for (Long t : timestamps) {
            if (t == null || t < 0) {
                throw AnalyticsErrors.badBody(at + ".time_series.timestamps must be Unix milliseconds");
            }
        }
        return timestamps;
    }

    private static List<Number> loss(String at, List<Number> values, List<Long> ts) {
        List<Number> checked = series(at, "packet_loss_percent", values, ts, false);
        for (Number n : checked) {
            if (n.doubleValue() > 100) {
                throw AnalyticsErrors.badBody(at + ".time_series.packet_loss_percent must be at most 100");
            }
        }
        return checked;
    }

    private static List<Number> series(String at, String name, List<Number> values, List<Long> ts, boolean nulls) {
        String field = at + ".time_series." + name;
        List<Number> v = values != null ? values : List.of();
        if (!v.isEmpty() && v.size() != ts.size()) { // [] is "no data for this metric" (the docs' Notes)
            throw AnalyticsErrors.badBody(field + " must be [] or have as many entries as timestamps (" + ts.size()
                    + ")");
        }
        for (Number n : v) {
            if (n == null ? !nulls : n.doubleValue() < 0 || Double.isNaN(n.doubleValue())) {
                throw AnalyticsErrors.badBody(field + (nulls ? " entries must be numbers (not negative) or null"
                        : " entries must be numbers, not negative"));
            }
        }
        return v;
    }
}
