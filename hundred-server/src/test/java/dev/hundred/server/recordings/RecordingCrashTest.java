package dev.hundred.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import dev.hundred.server.webhooks.Receiver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recordings survive their server: one killed with SIGKILL while a recording runs, and again while it
 * stops, finishes it after the restart; of two nodes on one PostgreSQL, the one left finishes what the
 * killed one was doing once its timer lease lapses. Each time: one beam.recording.success, one
 * transcription.success, one set of assets, no webhook made twice (receivers dedupe on the event id,
 * delivery is at-least-once).
 */
@BesideOthers
class RecordingCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, Object> TRANSCRIBED = Map.of("transcription",
            Map.of("enabled", true, "output_modes", List.of("txt"), "summary", Map.of("enabled", true)));

    /** A room with Ann in it, the node's webhooks going to {@code receiver}. */
    private static String[] roomWithAnn(ChildServer node, Receiver receiver) {
        node.post("/emulator/v1/webhook", Map.of("url", receiver.url()));
        String room = node.post("/v2/rooms", Map.of("name", "crash-" + System.nanoTime())).path("id").asText();
        String ann = node.post("/emulator/v1/rooms/" + room + "/peers",
                Map.of("role", "host", "name", "Ann", "user_id", "user-ann")).path("id").asText();
        return new String[] {room, ann};
    }

    private static JsonNode awaitDone(ChildServer node, String id) {
        return node.await("/v2/recordings/" + id, r -> r.path("status").asText().equals("completed")
                && r.path("recording_assets").size() == 4
                && r.findValues("status").stream().allMatch(s -> s.asText().equals("completed")), WAIT,
                "the recording and its transcription to complete");
    }

    /**
     * Ann leaves last of all: webhooks of a room go out in order, so once her leave arrived every webhook made
     * before it has too, duplicates included.
     */
    private static Map<String, Long> webhooksUntilAnnLeft(ChildServer node, Receiver receiver, String room, String ann) {
        node.post("/emulator/v1/rooms/" + room + "/peers/" + ann + "/leave", Map.of());
        List<Receiver.Hit> hits = receiver.awaitUntil(list -> list.stream().anyMatch(h -> h.json().path("type").asText()
                .equals("peer.leave.success") && h.json().at("/data/peer_id").asText().equals(ann)), WAIT, "Ann's leave");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        hits.forEach(h -> byId.putIfAbsent(h.json().path("id").asText(), h.json()));
        return byId.values().stream().filter(e -> e.at("/data/room_id").asText().equals(room))
                .collect(Collectors.groupingBy(e -> e.path("type").asText(), LinkedHashMap::new, Collectors.counting()));
    }

    private static void assertOnce(Map<String, Long> counts, JsonNode done, ChildServer node) {
        assertThat(counts).containsEntry("beam.started.success", 1L).containsEntry("beam.stopped.success", 1L)
                .containsEntry("beam.recording.success", 1L).containsEntry("transcription.started.success", 1L)
                .containsEntry("transcription.success", 1L).doesNotContainKey("beam.failure")
                .doesNotContainKey("transcription.failure");
        assertThat(done.path("recording_assets")).extracting(a -> a.path("type").asText())
                .containsExactly("room-composite", "chat", "transcript", "summary");
        String txt = done.path("recording_assets").get(2).path("id").asText();
        String url = node.get("/v2/recording-assets/" + txt + "/presigned-url").path("url").asText();
        assertThat(Download.of(url).text()).isEqualTo("Ann: Said before the crash.\n");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"h2-file", Backends.POSTGRES})
    void a_recording_survives_its_server_killed_while_it_runs_and_while_it_stops(String backend) throws Exception {
        String db = backend.equals(Backends.POSTGRES) ? Backends.freshPostgresUrl() : Backends.freshH2Directory();
        try (Receiver receiver = Receiver.ok()) {
            String room;
            String ann;
            String id;
            try (ChildServer first = ChildServer.start(db, "3s")) {
                String[] made = roomWithAnn(first, receiver);
                room = made[0];
                ann = made[1];
                first.post("/emulator/v1/settings", Map.of("jobs", Map.of("stop_delay_seconds", 1, "post_processing_seconds", 1)));
                id = first.post("/v2/recordings/room/" + room + "/start", TRANSCRIBED).path("id").asText();
                first.await("/v2/recordings/" + id, r -> r.path("status").asText().equals("running"), WAIT, "running");
                first.post("/emulator/v1/rooms/" + room + "/peers/" + ann + "/speech",
                        Map.of("text", "Said before the crash.", "duration_seconds", 2));
                first.kill9();
            }
            try (ChildServer second = ChildServer.start(db, "3s")) {
                assertThat(second.get("/v2/recordings/" + id).path("status").asText()).isEqualTo("running");
                assertThat(second.post("/v2/recordings/" + id + "/stop", null).path("status").asText()).isEqualTo("stopping");
                second.kill9(); // its stop and post-processing timers are due in 1 s and 2 s
            }
            try (ChildServer third = ChildServer.start(db, "3s")) {
                JsonNode done = awaitDone(third, id);
                assertOnce(webhooksUntilAnnLeft(third, receiver, room, ann), done, third);
            }
        }
    }

    @Test
    void of_two_nodes_the_one_left_finishes_what_the_killed_one_held_once_its_lease_lapses() throws Exception {
        String db = Backends.freshPostgresUrl();
        try (Receiver receiver = Receiver.ok(); ChildServer a = ChildServer.start(db, "3s");
             Connection sql = DriverManager.getConnection(db)) {
            String[] made = roomWithAnn(a, receiver);
            String room = made[0];
            String ann = made[1];
            a.post("/emulator/v1/settings", Map.of("jobs", Map.of("stop_delay_seconds", 2)));
            String id = a.post("/v2/recordings/room/" + room + "/start", TRANSCRIBED).path("id").asText();
            a.await("/v2/recordings/" + id, r -> r.path("status").asText().equals("running"), WAIT, "running");
            a.post("/emulator/v1/rooms/" + room + "/peers/" + ann + "/speech",
                    Map.of("text", "Said before the crash.", "duration_seconds", 2));
            assertThat(a.post("/v2/recordings/" + id + "/stop", null).path("status").asText()).isEqualTo("stopping");

            // Hold the room's row: A claims the stop's timer when it comes due, then waits for the room in its handler.
            sql.setAutoCommit(false);
            try (PreparedStatement lock = sql.prepareStatement("SELECT id FROM rooms WHERE id = ? FOR UPDATE")) {
                lock.setString(1, room);
                lock.executeQuery().close();
            }
            Instant leaseUntil = awaitLease(db, id);
            try (ChildServer b = ChildServer.start(db, "3s")) {
                a.kill9(); // in the middle of the timer it claimed
                sql.rollback(); // the room is free again; A's half-done change is gone with its connection
                JsonNode done = awaitDone(b, id);
                assertThat(Instant.parse(done.path("stopped_at").asText())).as("B moved it once A's lease lapsed")
                        .isAfter(leaseUntil);
                assertOnce(webhooksUntilAnnLeft(b, receiver, room, ann), done, b);
            }
        }
    }

    /** Waits until a node holds the lease on the recording's phase timer; answers until when. */
    private static Instant awaitLease(String db, String jobId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Connection c = DriverManager.getConnection(db);
             PreparedStatement q = c.prepareStatement(
                     "SELECT lease_until FROM timers WHERE kind = 'jobs.phase' AND subject = ? AND lease_token IS NOT NULL")) {
            q.setString(1, jobId);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        Timestamp until = rs.getTimestamp(1);
                        return until.toInstant();
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a poll
            }
        }
        throw new AssertionError("no node claimed the stop's timer within " + WAIT.toSeconds() + " s");
    }
}
