package dev.hundred.server.analytics;

import static dev.hundred.server.analytics.AnalyticsCalls.join;
import static dev.hundred.server.analytics.AnalyticsCalls.track;
import static dev.hundred.server.analytics.TrackEventsApiTest.fields;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /v2/analytics/peer-stats (peer-quality-stats.mdx): time series derived from what peers did, on a
 * frozen server clock set to a 10 s boundary so that every sample time is known; stats the emulator sets;
 * the errors. A server of its own per back end (the clock moves).
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class PeerStatsApiTest {
    static final String NOT_READY = "Peer stats not found";

    @Parameter
    String backend;
    Client api;
    /** A 10 s boundary: the clock's time when the test began. */
    long t0;

    @BeforeEach
    void setUp() {
        Hundred server = Backends.own("peer-stats", backend);
        api = EventWindowClockTest.longLived(server);
        api.freezeClock(true);
        Instant now = Timestamps.parse(api.get("/emulator/v1/clock").at("/now"));
        t0 = (now.toEpochMilli() / 10_000 + 1) * 10_000;
        api.post("/emulator/v1/clock", Map.of("set", Timestamps.format(Instant.ofEpochMilli(t0))));
    }

    private JsonNode stats(String peer, String session) {
        Client.Response r = api.get("/v2/analytics/peer-stats?peer_id=" + peer + "&session_id=" + session);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private List<Long> grid(int fromSeconds, int toSeconds) {
        List<Long> out = new ArrayList<>();
        for (int s = fromSeconds; s <= toSeconds; s += 10) {
            out.add(t0 + s * 1000L);
        }
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asLong()));
        return out;
    }

    /**
     * Ann (host) publishes audio and video at 0 s; Bob (guest) joins with audio at 25 s; Ann mutes her video
     * at 35 s and leaves at 55 s; Bob leaves at 60 s, which ends the session.
     */
    record Scene(String room, String session, String ann, String bob, String annAudio, String annVideo, String bobAudio) {}

    private Scene scene() {
        String room = Live.room(api);
        JsonNode ann = join(api, room, "host", "Ann", List.of(track("audio", "regular", false), track("video", "regular", false)));
        List<String> annTracks = new ArrayList<>();
        ann.path("tracks").fieldNames().forEachRemaining(annTracks::add);
        String annAudio = ann.path("tracks").path(annTracks.get(0)).path("type").asText().equals("audio")
                ? annTracks.get(0) : annTracks.get(1);
        String annVideo = annAudio.equals(annTracks.get(0)) ? annTracks.get(1) : annTracks.get(0);
        api.advanceClock(25);
        JsonNode bob = join(api, room, "guest", "Bob", List.of(track("audio", "regular", false)));
        api.advanceClock(10);
        AnalyticsCalls.mute(api, room, ann.path("id").asText(), annVideo, true);
        api.advanceClock(20);
        Live.leave(api, room, ann.path("id").asText());
        api.advanceClock(5);
        String session = Live.leave(api, room, bob.path("id").asText()).path("session_id").asText();
        return new Scene(room, session, ann.path("id").asText(), bob.path("id").asText(), annAudio, annVideo,
                bob.path("tracks").fieldNames().next());
    }

    @Test
    void a_publisher_gets_a_sample_every_10_seconds_of_each_track_s_life() {
        Scene s = scene();
        JsonNode stats = stats(s.ann(), s.session());
        assertThat(fields(stats)).containsExactly("peer_id", "session_id", "room_id", "publisher", "subscriber");
        assertThat(stats.path("peer_id").asText()).isEqualTo(s.ann());
        assertThat(stats.path("session_id").asText()).isEqualTo(s.session());
        assertThat(stats.path("room_id").asText()).isEqualTo(s.room());
        assertThat(fields(stats.path("publisher"))).containsExactly("video", "audio");

        JsonNode video = stats.path("publisher").path("video");
        assertThat(video).hasSize(1);
        assertThat(fields(video.get(0))).containsExactly("track_id", "type", "rid", "time_series");
        assertThat(video.get(0).path("track_id").asText()).isEqualTo(s.annVideo());
        assertThat(video.get(0).path("type").asText()).isEqualTo("regular");
        assertThat(video.get(0).path("rid").isNull()).as("no simulcast: rid null").isTrue();
        JsonNode vs = video.get(0).path("time_series");
        assertThat(fields(vs)).containsExactly("timestamps", "bitrate", "fps", "packet_loss_percent", "rtt_ms");
        assertThat(longs(vs.path("timestamps"))).containsExactlyElementsOf(grid(0, 50));
        // the template's video: 256 kbps at 25 fps; nothing is sent once muted (35 s: the samples of 40 and 50 s)
        for (int i = 0; i < 6; i++) {
            boolean muted = i >= 4;
            long bitrate = vs.path("bitrate").get(i).asLong();
            int fps = vs.path("fps").get(i).asInt();
            if (muted) {
                assertThat(bitrate).isZero();
                assertThat(fps).isZero();
            } else {
                assertThat(bitrate).isBetween(235_000L, 256_000L);
                assertThat(fps).isBetween(24, 25);
            }
            assertThat(vs.path("packet_loss_percent").get(i).asDouble()).isBetween(0.0, 0.5);
            assertThat(vs.path("rtt_ms").get(i).asInt()).isBetween(35, 55);
        }

        JsonNode audio = stats.path("publisher").path("audio");
        assertThat(audio).hasSize(1);
        assertThat(fields(audio.get(0))).containsExactly("track_id", "time_series");
        assertThat(audio.get(0).path("track_id").asText()).isEqualTo(s.annAudio());
        JsonNode as = audio.get(0).path("time_series");
        assertThat(fields(as)).containsExactly("timestamps", "bitrate", "packet_loss_percent", "rtt_ms", "jitter_ms");
        assertThat(longs(as.path("timestamps"))).containsExactlyElementsOf(grid(0, 50));
        as.path("bitrate").forEach(b -> assertThat(b.asLong()).isBetween(28_800L, 32_000L));
        as.path("jitter_ms").forEach(j -> assertThat(j.asDouble()).isBetween(1.0, 3.0));
        for (String series : List.of("bitrate", "packet_loss_percent", "rtt_ms", "jitter_ms")) {
            assertThat(as.path(series)).as(series).hasSize(6);
        }
        // the same session always gives the same numbers
        assertThat(stats(s.ann(), s.session())).isEqualTo(stats);
    }

    @Test
    void a_subscriber_gets_the_other_peers_tracks_while_both_were_there() {
        Scene s = scene();
        JsonNode ann = stats(s.ann(), s.session()).path("subscriber");
        assertThat(fields(ann)).containsExactly("video", "audio");
        assertThat(ann.path("video")).isEmpty();
        assertThat(ann.path("audio")).hasSize(1);
        JsonNode heard = ann.path("audio").get(0);
        assertThat(heard.path("track_id").asText()).isEqualTo(s.bobAudio());
        JsonNode hs = heard.path("time_series");
        assertThat(fields(hs)).containsExactly("timestamps", "bitrate", "concealed_samples", "packet_loss_percent");
        assertThat(longs(hs.path("timestamps"))).as("from 25 s to Ann's leaving at 55 s").containsExactlyElementsOf(grid(20, 50));

        JsonNode bob = stats(s.bob(), s.session());
        assertThat(longs(bob.path("publisher").path("audio").get(0).path("time_series").path("timestamps")))
                .containsExactlyElementsOf(grid(20, 50));
        JsonNode seen = bob.path("subscriber").path("video");
        assertThat(seen).hasSize(1);
        assertThat(fields(seen.get(0))).containsExactly("track_id", "type", "time_series");
        assertThat(seen.get(0).path("track_id").asText()).isEqualTo(s.annVideo());
        JsonNode ss = seen.get(0).path("time_series");
        assertThat(fields(ss)).containsExactly("timestamps", "bitrate", "fps", "freeze_count");
        assertThat(longs(ss.path("timestamps"))).containsExactlyElementsOf(grid(20, 50));
        // muted from 35 s: nothing received (bitrate null, fps 0) in the samples of 40 and 50 s
        assertThat(ss.path("bitrate").get(0).isNumber()).isTrue();
        assertThat(ss.path("bitrate").get(1).isNumber()).isTrue();
        assertThat(ss.path("bitrate").get(2).isNull()).isTrue();
        assertThat(ss.path("bitrate").get(3).isNull()).isTrue();
        assertThat(ss.path("fps").get(3).asInt()).isZero();
        assertThat(bob.path("subscriber").path("audio").get(0).path("track_id").asText()).isEqualTo(s.annAudio());
    }

    @Test
    void roles_decide_what_is_subscribed_to_and_simulcast_layers_become_rids() {
        String room = Live.room(api);
        String template = api.get("/v2/rooms/" + room).at("/template_id");
        Client.Response guest = api.post("/v2/templates/" + template + "/roles/guest",
                Map.of("subscribeParams", Map.of("subscribeToRoles", List.of())));
        assertThat(guest.status()).as(guest.text()).isEqualTo(200);
        Client.Response host = api.post("/v2/templates/" + template + "/roles/host", Map.of("publishParams",
                Map.of("simulcast", Map.of("video", Map.of("layers", List.of(
                        Map.of("rid", "f", "scaleResolutionDownBy", 1.0, "maxBitrate", 700, "maxFramerate", 30),
                        Map.of("rid", "h", "scaleResolutionDownBy", 2.0, "maxBitrate", 250, "maxFramerate", 30),
                        Map.of("rid", "q", "scaleResolutionDownBy", 4.0, "maxBitrate", 100, "maxFramerate", 15)))))));
        assertThat(host.status()).as(host.text()).isEqualTo(200);
        String ann = join(api, room, "host", "Ann", List.of(track("video", "regular", false), track("video", "screen", false)))
                .path("id").asText();
        String gus = join(api, room, "guest", "Gus", List.of()).path("id").asText();
        api.advanceClock(15);
        Live.leave(api, room, gus);
        String session = Live.leave(api, room, ann).path("session_id").asText();

        JsonNode video = stats(ann, session).path("publisher").path("video");
        assertThat(video).hasSize(4);
        assertThat(List.of(video.get(0).path("rid").asText(), video.get(1).path("rid").asText(),
                video.get(2).path("rid").asText())).containsExactly("h", "m", "l");
        assertThat(video.get(0).path("track_id").asText()).isEqualTo(video.get(2).path("track_id").asText());
        assertThat(video.get(0).path("time_series").path("bitrate").get(0).asLong()).isBetween(640_000L, 700_000L);
        assertThat(video.get(2).path("time_series").path("bitrate").get(0).asLong()).isBetween(92_000L, 100_000L);
        assertThat(video.get(2).path("time_series").path("fps").get(0).asInt()).isBetween(14, 15);
        // the screen has no simulcast layers: one entry, rid null, the template's screen rates (1024 kbps, 10 fps)
        assertThat(video.get(3).path("type").asText()).isEqualTo("screen");
        assertThat(video.get(3).path("rid").isNull()).isTrue();
        assertThat(video.get(3).path("time_series").path("bitrate").get(0).asLong()).isBetween(940_000L, 1_024_000L);
        // Gus may subscribe to nobody, and published nothing
        assertThat(stats(gus, session).toString()).endsWith(
                "\"publisher\":{\"video\":[],\"audio\":[]},\"subscriber\":{\"video\":[],\"audio\":[]}}");
    }

    @Test
    void stats_exist_only_once_the_session_has_ended() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String bob = Live.join(api, room, "guest", "Bob").path("id").asText();
        String session = Live.leave(api, room, bob).path("session_id").asText();
        String detail = "session " + session + " is still live: quality stats are available after the session ends";
        assertError(api.get("/v2/analytics/peer-stats?peer_id=" + ann + "&session_id=" + session), 404, NOT_READY, detail);
        assertError(api.get("/v2/analytics/peer-stats?peer_id=" + bob + "&session_id=" + session), 404, NOT_READY, detail);
        Live.leave(api, room, ann);
        assertThat(stats(bob, session).path("peer_id").asText()).isEqualTo(bob);
    }

    @Test
    void missing_and_unknown_ids_are_refused() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String session = Live.leave(api, room, ann).path("session_id").asText();
        String other = Live.join(api, room, "host", "Bob").path("id").asText();
        Live.leave(api, room, other);
        assertError(api.get("/v2/analytics/peer-stats?session_id=" + session), 400, "Invalid query parameter",
                "peer_id is required");
        assertError(api.get("/v2/analytics/peer-stats?peer_id=" + ann), 400, "Invalid query parameter",
                "session_id is required");
        assertError(api.get("/v2/analytics/peer-stats?peer_id=" + ann + "&session_id=000000000000000000000000"), 404,
                "Session not found");
        assertError(api.get("/v2/analytics/peer-stats?peer_id=" + other + "&session_id=" + session), 404, "Peer not found");
        assertError(api.get("/v2/analytics/peer-stats?peer_id=nobody&session_id=" + session), 404, "Peer not found");
        Client stranger = EventWindowClockTest.longLived(api.server());
        assertError(stranger.get("/v2/analytics/peer-stats?peer_id=" + ann + "&session_id=" + session), 404,
                "Session not found");
    }

    private String statsPath(String session, String peer) {
        return "/emulator/v1/sessions/" + session + "/peers/" + peer + "/stats";
    }

    @Test
    void stats_set_through_the_emulator_win_until_they_are_cleared() {
        Scene s = scene();
        JsonNode derived = stats(s.ann(), s.session());
        Map<String, Object> audio = Map.of("track_id", "c3d4e5f6-a7b8-9012-cdef-123456789012", "time_series",
                Map.of("timestamps", List.of(1738843560000L), "bitrate", List.of(64000), "packet_loss_percent",
                        List.of(0.1), "rtt_ms", List.of(45), "jitter_ms", List.of(2.1)));
        Map<String, Object> seen = Map.of("track_id", "4334da7c-1d73-4e19-9d63-4b0571f5acd4", "type", "regular",
                "time_series", Map.of("timestamps", List.of(1738843560000L, 1738843570000L),
                        "bitrate", java.util.Arrays.asList(null, 500000), "fps", List.of(15, 15),
                        "freeze_count", List.of()));
        Client.Response set = api.post(statsPath(s.session(), s.ann()), Map.of("publisher", Map.of("audio", List.of(audio)),
                "subscriber", Map.of("video", List.of(seen))));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        String expected = "{\"peer_id\":\"" + s.ann() + "\",\"session_id\":\"" + s.session() + "\",\"room_id\":\""
                + s.room() + "\",\"publisher\":{\"video\":[],\"audio\":[{\"track_id\":"
                + "\"c3d4e5f6-a7b8-9012-cdef-123456789012\",\"time_series\":{\"timestamps\":[1738843560000],"
                + "\"bitrate\":[64000],\"packet_loss_percent\":[0.1],\"rtt_ms\":[45],\"jitter_ms\":[2.1]}}]},"
                + "\"subscriber\":{\"video\":[{\"track_id\":\"4334da7c-1d73-4e19-9d63-4b0571f5acd4\",\"type\":"
                + "\"regular\",\"time_series\":{\"timestamps\":[1738843560000,1738843570000],\"bitrate\":[null,500000],"
                + "\"fps\":[15,15],\"freeze_count\":[]}}],\"audio\":[]}}";
        assertThat(set.text()).isEqualTo(expected);
        assertThat(stats(s.ann(), s.session()).toString()).isEqualTo(expected);
        // Bob's are still derived
        assertThat(stats(s.bob(), s.session()).path("publisher").path("audio").get(0).path("track_id").asText())
                .isEqualTo(s.bobAudio());
        Client.Response cleared = api.delete(statsPath(s.session(), s.ann()));
        assertThat(cleared.status()).isEqualTo(204);
        assertThat(stats(s.ann(), s.session())).isEqualTo(derived);
    }

    @Test
    void stats_set_while_the_session_is_live_wait_for_its_end() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String session = api.get("/v2/active-rooms/" + room).at("/session/id");
        assertThat(api.post(statsPath(session, ann), Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/v2/analytics/peer-stats?peer_id=" + ann + "&session_id=" + session).status()).isEqualTo(404);
        Live.leave(api, room, ann);
        assertThat(stats(ann, session).toString()).endsWith(
                "\"publisher\":{\"video\":[],\"audio\":[]},\"subscriber\":{\"video\":[],\"audio\":[]}}");
    }

    @Test
    void stats_the_emulator_sets_must_have_the_documented_shape() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String session = Live.leave(api, room, ann).path("session_id").asText();
        String path = statsPath(session, ann);
        String bad = "Invalid body param";
        assertError(api.post(path, Map.of("publisher", Map.of("video", List.of(Map.of("type", "regular"))))), 400, bad,
                "publisher.video[0].track_id is required");
        assertError(api.post(path, Map.of("publisher", Map.of("video", List.of(Map.of("track_id", "t", "rid", "f"))))),
                400, bad, "publisher.video[0].rid must be h, m, l or null");
        assertError(api.post(path, Map.of("subscriber", Map.of("video", List.of(Map.of("track_id", "t", "type", "camera"))))),
                400, bad, "subscriber.video[0].type must be regular or screen");
        assertError(api.post(path, Map.of("publisher", Map.of("audio", List.of(Map.of("track_id", "t", "time_series",
                Map.of("timestamps", List.of(1, 2), "bitrate", List.of(5))))))), 400, bad,
                "publisher.audio[0].time_series.bitrate must be [] or have as many entries as timestamps (2)");
        assertError(api.post(path, Map.of("publisher", Map.of("audio", List.of(Map.of("track_id", "t", "time_series",
                Map.of("timestamps", List.of(1), "rtt_ms", List.of(-1))))))), 400, bad,
                "publisher.audio[0].time_series.rtt_ms entries must be numbers, not negative");
        assertError(api.post(path, Map.of("publisher", Map.of("audio", List.of(Map.of("track_id", "t", "time_series",
                Map.of("timestamps", List.of(1), "bitrate", java.util.Arrays.asList((Object) null))))))), 400, bad,
                "publisher.audio[0].time_series.bitrate entries must be numbers, not negative");
        assertError(api.post(path, Map.of("subscriber", Map.of("audio", List.of(Map.of("track_id", "t", "time_series",
                Map.of("timestamps", List.of(1), "packet_loss_percent", List.of(101))))))), 400, bad,
                "subscriber.audio[0].time_series.packet_loss_percent must be at most 100");
        assertError(api.post(path, Map.of("subscriber", Map.of("audio", List.of(Map.of("track_id", "t", "time_series",
                Map.of("timestamps", List.of("now"))))))), 400, bad);
        assertError(api.post(path, Map.of("subscriber", Map.of("audio", List.of(Map.of("track_id", "t", "time_series",
                Map.of("timestamps", List.of(1), "bitrate", List.of("fast"))))))), 400, bad);
        assertError(api.post(path, Map.of("publisher", "none")), 400, bad, "publisher must be an object");
        assertError(api.post(statsPath(session, "nobody"), Map.of()), 404, "Peer not found");
        assertError(api.post(statsPath("000000000000000000000000", ann), Map.of()), 404, "Session not found");
        assertError(api.delete(statsPath("000000000000000000000000", ann)), 404, "Session not found");
        // nothing was set
        assertThat(stats(ann, session).path("publisher").path("audio")).isEmpty();
    }

    @Test
    void stats_set_at_once_for_the_same_peer_all_succeed_and_one_wins() throws Exception {
        // Found by the fuzz (FuzzTest): two puts at once each deleted nothing, then both inserted: a 500.
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String session = api.get("/v2/sessions?room_id=" + room).json().path("data").path(0).path("id").asText();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 8; round++) {
                var gate = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
                for (int k = 0; k < 16; k++) {
                    statuses.add(pool.submit(() -> {
                        gate.await();
                        return api.post(statsPath(session, ann), Map.of()).status();
                    }));
                }
                gate.countDown();
                for (var status : statuses) {
                    assertThat(status.get()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
