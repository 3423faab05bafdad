package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.ReplayWorkflow;
import dev.hundred.client.model.Room;
import dev.hundred.client.model.WebhookDelivery;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.WebhookHistoryParams;
import dev.hundred.client.param.WebhookReplayParams;
import dev.hundred.client.webhook.HlsEventData;
import dev.hundred.client.webhook.PeerEventData;
import dev.hundred.client.webhook.SessionEventData;
import dev.hundred.client.webhook.SfuRecordingEventData;
import dev.hundred.client.webhook.WebhookEvent;
import dev.hundred.client.webhook.WebhookVerificationException;
import dev.hundred.client.webhook.WebhookVerifier;
import dev.hundred.client.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real deliveries from Hundred to a local receiver: signature, shared header, typed data, history and replay. */
class WebhooksTest {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a signing key of thirty-two byte".getBytes(StandardCharsets.UTF_8));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestServer server;
    private static HmsClient hms;
    private static Receiver receiver;

    @BeforeAll
    static void start() {
        server = TestServer.own(); // its workspace webhook is this test's
        hms = server.client();
        receiver = new Receiver();
        server.emulator("POST", "/webhook", Map.of("url", receiver.url(), "headers", Map.of("X-Hook-Key", "shared-k"),
                "signing_secret", SECRET));
    }

    @AfterAll
    static void stop() {
        server.hundred.close();
        receiver.close();
    }

    @Test
    void aRealDeliveryVerifiesParsesAndHasTypedData() throws Exception {
        Room room = hms.rooms().create(RoomCreateParams.builder().name("hooked-" + System.nanoTime()).build());
        String peer = server.emulator("POST", "/rooms/" + room.id() + "/peers", Map.of("role", "host", "name", "ann",
                "user_id", "u-ann")).get("id").asText();

        Receiver.Delivery open = receiver.next("session.open.success", WAIT);
        WebhookVerifier verifier = new WebhookVerifier(SECRET);
        WebhookEvent opened = verifier.verify(open.headers()::getFirst, open.body());
        assertThat(opened.roomId()).isEqualTo(room.id());
        assertThat(opened.typedData()).isInstanceOfSatisfying(SessionEventData.class, d -> {
            assertThat(d.roomName()).isEqualTo(room.name());
            assertThat(d.sessionStartedAt()).isNotNull();
        });

        Receiver.Delivery join = receiver.next("peer.join.success", WAIT);
        WebhookEvent joined = verifier.verify(join.headers()::getFirst, join.body());
        assertThat(joined.id()).isEqualTo(join.headers().getFirst("webhook-id"));
        assertThat(joined.version()).isEqualTo("2.0");
        assertThat(joined.appId()).isNotBlank();
        assertThat(joined.timestamp()).isNotNull();
        assertThat(joined.peerId()).isEqualTo(peer);
        assertThat(joined.userId()).isEqualTo("u-ann");
        assertThat(joined.sessionId()).isEqualTo(opened.sessionId());
        PeerEventData data = joined.data(PeerEventData.class);
        assertThat(data.role()).isEqualTo("host");
        assertThat(data.userName()).isEqualTo("ann");
        assertThat(data.joinedAt()).isNotNull();
        assertThat(data.templateId()).isEqualTo(room.templateId());

        Webhooks.checkHeader("X-Hook-Key", join.headers().getFirst("X-Hook-Key"), "shared-k");
        assertThatThrownBy(() -> Webhooks.checkHeader("X-Hook-Key", join.headers().getFirst("X-Hook-Key"), "other"))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.checkHeader("X-Hook-Key", null, "shared-k"))
                .isInstanceOf(WebhookVerificationException.class);

        // anything changed and the signature no longer holds
        assertThatThrownBy(() -> verifier.verify(join.headers()::getFirst, join.body().replace("ann", "eve")))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no webhook-signature matches");
        assertThatThrownBy(() -> new WebhookVerifier("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
                .verify(join.headers()::getFirst, join.body())).isInstanceOf(WebhookVerificationException.class);
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThatThrownBy(() -> new WebhookVerifier(SECRET, Duration.ofMinutes(5), later)
                .verify(join.headers()::getFirst, join.body())).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("webhook-timestamp");
        assertThatThrownBy(() -> verifier.verify(name -> name.equals("webhook-signature") ? null : join.headers().getFirst(name),
                join.body())).isInstanceOf(WebhookVerificationException.class).hasMessageContaining("webhook-signature header missing");
    }

    @Test
    void deprecatedKeysOfTheRecordingEventsAreNamedToo() {
        WebhookEvent sfu = Webhooks.parse(("{\"type\":\"recording.success\",\"data\":{\"room_id\":\"r\","
                + "\"URL\":\"https://x/a.mp4\",\"location\":\"s3://b/a.mp4\",\"recording_path\":\"s3://b/a.mp4\"}}"));
        SfuRecordingEventData data = (SfuRecordingEventData) sfu.typedData();
        assertThat(data.url()).isEqualTo("https://x/a.mp4");
        assertThat(data.location()).isEqualTo("s3://b/a.mp4");
        assertThat(data.extra() == null ? Map.of() : data.extra()).doesNotContainKeys("URL", "location");
        HlsEventData hls = Webhooks.parse(("{\"type\":\"hls.recording.success\",\"data\":"
                + "{\"recording_hls_vod_playlist_location\":\"s3://b/v.m3u8\"}}"))
                .data(HlsEventData.class);
        assertThat(hls.recordingHlsVodPlaylistLocation()).isEqualTo("s3://b/v.m3u8");
    }

    @Test
    void theHistoryPagesByNumberAndReplays() throws Exception {
        Room room = hms.rooms().create(RoomCreateParams.builder().name("history-" + System.nanoTime()).build());
        String peer = server.emulator("POST", "/rooms/" + room.id() + "/peers", Map.of("role", "host", "name", "bo"))
                .get("id").asText();
        server.emulator("POST", "/rooms/" + room.id() + "/peers/" + peer + "/leave", null);
        receiver.next("session.close.success", WAIT);

        // session open, peer join, peer leave, session close: four deliveries, listed once finished
        HmsPage<WebhookDelivery> first = awaitHistory(room.id(), 4);
        assertThat(first.data()).hasSize(1);
        assertThat(first.data().get(0).payload().webhookUrl()).isNotBlank();
        assertThat(first.data().get(0).payload().eventData().path("room_id").asText()).isEqualTo(room.id());
        assertThat(first.stream().map(d -> d.payload().originalEventName()))
                .containsExactlyInAnyOrder("session.open.success", "peer.join.success", "peer.leave.success",
                        "session.close.success");
        assertThat(first.stream().map(WebhookDelivery::eventName)).containsOnly("reporter.webhook.delivery.success");

        ReplayWorkflow replay = hms.analytics().replayWebhooks(WebhookReplayParams.builder().roomId(room.id())
                .status("success").build());
        assertThat(replay.workflowId()).isNotBlank();
        assertThat(replay.status()).isIn("started", "already_running");
        WebhookEvent replayed = Webhooks.parse(receiver.next("session.open.success", WAIT).body());
        assertThat(replayed.isReplay()).isTrue();
        assertThat(replay.filters().roomId()).isEqualTo(room.id());
        ReplayWorkflow status = hms.analytics().retrieveReplay(replay.workflowId());
        assertThat(status.workflowId()).isEqualTo(replay.workflowId());
        assertThat(status.progress().total()).isGreaterThanOrEqualTo(1);
    }

    private static HmsPage<WebhookDelivery> awaitHistory(String roomId, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HmsPage<WebhookDelivery> page = hms.analytics().listWebhooks(WebhookHistoryParams.builder().roomId(roomId)
                    .limit(1).build());
            if (page.total() != null && page.total() >= count || System.nanoTime() > deadline) {
                return page;
            }
            Thread.onSpinWait();
        }
    }
}
