package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.client.model.Recording;
import dev.hundred.client.model.Room;
import dev.hundred.client.param.EndRoomParams;
import dev.hundred.client.param.PeerListParams;
import dev.hundred.client.param.RecordingStartParams;
import dev.hundred.client.param.RemovePeersParams;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.RoomListParams;
import dev.hundred.client.webhook.PeerEventData;
import dev.hundred.client.webhook.WebhookEvent;
import dev.hundred.client.webhook.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The five tasks of README.md's comparison, as written there, against a real Hundred. */
class ReadmeExamplesTest {
    private static TestServer server;
    private static String accessKey;
    private static String secret;
    private static String baseUrl;
    private final List<String> joined = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.own(); // the recording's settings are this test's
        accessKey = server.workspace.accessKey();
        secret = server.workspace.secret();
        baseUrl = server.baseUrl();
        server.emulator("POST", "/settings", Map.of("jobs", Map.of("start_delay_seconds", 3600)));
    }

    @AfterAll
    static void stop() {
        server.hundred.close();
    }

    private void onJoin(String roomId, String userName) {
        joined.add(roomId + "/" + userName);
    }

    @Test
    void theFiveTasks() {
        // 1
        HmsClient hms = HmsClient.builder().credentials(accessKey, secret).baseUrl(baseUrl).build();
        Room room = hms.rooms().create(RoomCreateParams.builder().name("standup").build());
        String token = hms.tokens().app(room.id(), "host", "alice");
        assertThat(token.split("\\.")).hasSize(3);

        // 2
        List<String> names = hms.rooms().list(RoomListParams.builder().enabled(true).build())
                .stream().map(Room::name).toList();
        assertThat(names).contains("standup");

        // 3
        String meetingUrl = "https://example.app.100ms.live/preview/" + room.id() + "/beam?skip_preview=true";
        server.emulator("POST", "/rooms/" + room.id() + "/peers", Map.of("role", "host", "name", "ann"));
        Recording rec = hms.recordings().start(room.id(), RecordingStartParams.builder().meetingUrl(meetingUrl).build());
        for (int i = 0; i < 4; i++) {
            server.emulator("POST", "/jobs/" + rec.id() + "/advance", null); // what time does in the cloud
        }
        List<String> links = hms.recordings().retrieve(rec.id()).recordingAssets().stream()
                .map(a -> hms.recordingAssets().presignedUrl(a.id(), 3600).url()).toList();
        assertThat(links).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("http"));

        // 4
        server.emulator("POST", "/rooms/" + room.id() + "/peers", Map.of("role", "guest", "name", "bob"));
        for (String peerId : hms.activeRooms().listPeers(room.id(), PeerListParams.builder().role("guest").build()).keySet()) {
            hms.activeRooms().removePeers(room.id(), RemovePeersParams.builder().peerId(peerId).reason("bye").build());
        }
        hms.activeRooms().endRoom(room.id(), EndRoomParams.builder().reason("done").lock(true).build());
        assertThat(hms.rooms().retrieve(room.id()).enabled()).isFalse();

        // 5: a delivery as the receiver gets it (the inbox keeps them byte for byte as webhooks)
        String body = server.emulator("GET", "/events?type=peer.join.success&limit=1", null).get("events").get(0).toString();
        String header = "k";
        String webhookKey = "k";
        Webhooks.checkHeader("X-Webhook-Key", header, webhookKey);
        WebhookEvent event = Webhooks.parse(body);
        if (event.type().equals("peer.join.success")) {
            onJoin(event.roomId(), event.data(PeerEventData.class).userName());
        }
        assertThat(joined).containsExactly(room.id() + "/ann");
    }
}
