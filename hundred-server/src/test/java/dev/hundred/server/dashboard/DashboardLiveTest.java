package dev.hundred.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.ApiTestBase;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A room's live feed: what happens in the room arrives as server-sent events after the commit. */
class DashboardLiveTest extends ApiTestBase {

    @Test
    void a_peer_joining_and_leaving_is_sent_to_the_rooms_watchers_only() throws Exception {
        Browser b = new Browser(api.server());
        b.signIn(api.workspace().accessKey(), api.workspace().secret());
        String room = api.post("/v2/rooms", Map.of("name", "live-" + backend)).at("/id");
        String other = api.post("/v2/rooms", Map.of("name", "other-" + backend)).at("/id");

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try (java.net.Socket feed = b.live(room, lines)) {
            assertThat(next(lines, "event: ")).isEqualTo("event: ready");
            api.post("/emulator/v1/rooms/" + other + "/peers", Map.of("role", "host")); // not this room
            String peer = api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", "ann")).at("/id");
            String join = nextRoomEvent(lines);
            assertThat(join).contains("\"type\":\"session.open.success\"");
            join = nextRoomEvent(lines);
            assertThat(join).contains("\"type\":\"peer.join.success\"").contains(peer).doesNotContain(other);

            api.post("/emulator/v1/rooms/" + room + "/peers/" + peer + "/leave", Map.of());
            assertThat(nextRoomEvent(lines)).contains("\"type\":\"peer.leave.success\"").contains(peer);
        }
    }

    private static String nextRoomEvent(BlockingQueue<String> lines) throws InterruptedException {
        assertThat(next(lines, "event: ")).isEqualTo("event: room");
        return next(lines, "data: ");
    }

    /** The next line starting with prefix, skipping others (blank lines, pings); fails after 10 s. */
    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within 10 s");
    }
}
