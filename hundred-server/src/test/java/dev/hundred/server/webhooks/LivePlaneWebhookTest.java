package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The live plane's changes reach a real receiver as signed webhooks, in the order they happened:
 * {@code session.open -> peer.join ... -> peer.leave ... -> session.close}, for emulator and gateway peers.
 */
class LivePlaneWebhookTest extends ApiTestBase {
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("live-plane-signing-key-32-bytes!".getBytes(StandardCharsets.UTF_8));

    private Receiver signedReceiver() {
        Receiver receiver = Receiver.ok();
        assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url(), "signing_secret", SECRET)).status())
                .isEqualTo(200);
        return receiver;
    }

    @Test
    void emulator_peers_joining_and_leaving_produce_signed_webhooks_in_order() throws Exception {
        try (Receiver receiver = signedReceiver()) {
            String room = Live.room(api, Map.of("name", "standup"));
            String ann = Live.join(api, room, "host", "ann").path("id").asText();
            String bob = Live.join(api, room, "guest", "bob").path("id").asText();
            Live.leave(api, room, ann);
            Live.leave(api, room, bob);

            List<Receiver.Hit> hits = receiver.await(6, Duration.ofSeconds(10));
            assertThat(hits).extracting(h -> h.json().path("type").asText()).containsExactly("session.open.success",
                    "peer.join.success", "peer.join.success", "peer.leave.success", "peer.leave.success",
                    "session.close.success");
            assertThat(hits.subList(1, 5)).extracting(h -> h.json().path("data").path("peer_id").asText())
                    .containsExactly(ann, bob, ann, bob);
            for (Receiver.Hit hit : hits) {
                assertSigned(hit);
                JsonNode body = hit.json();
                assertThat(body.path("app_id").asText()).isEqualTo(api.workspace().id());
                assertThat(body.path("account_id").asText()).isEqualTo(api.workspace().customerId());
                assertThat(body.path("data").path("room_id").asText()).isEqualTo(room);
                assertThat(body.path("data").path("template_id").asText()).matches("[0-9a-f]{24}");
            }
        }
    }

    @Test
    void gateway_peers_produce_the_same_sequence() throws Exception {
        try (Receiver receiver = signedReceiver()) {
            String room = Live.room(api, Map.of("name", "socket-room"));
            try (TestPeer ann = Live.gatewayPeer(api, room, "host", "ann")) {
                assertThat(ann.request("leave", Map.of()).path("type").asText()).isEqualTo("ok");
                ann.awaitClose();
                List<Receiver.Hit> hits = receiver.await(4, Duration.ofSeconds(10));
                assertThat(hits).extracting(h -> h.json().path("type").asText()).containsExactly("session.open.success",
                        "peer.join.success", "peer.leave.success", "session.close.success");
                assertThat(hits.get(2).json().path("data").path("reason").asText()).isEqualTo("client request");
                for (Receiver.Hit hit : hits) {
                    assertSigned(hit);
                }
            }
        }
    }

    private static void assertSigned(Receiver.Hit hit) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        String signed = hit.header("webhook-id") + "." + hit.header("webhook-timestamp") + "." + hit.body();
        assertThat(hit.header("webhook-signature"))
                .isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
        assertThat(hit.header("webhook-id")).isEqualTo(hit.json().path("id").asText());
    }
}
