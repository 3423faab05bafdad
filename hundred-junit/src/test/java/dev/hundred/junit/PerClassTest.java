package dev.hundred.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.HmsClient;
import dev.hundred.client.exception.ApiException;
import dev.hundred.client.model.Peer;
import dev.hundred.client.model.Recording;
import dev.hundred.client.model.Room;
import dev.hundred.client.param.RecordingStartParams;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.webhook.PeerEventData;
import dev.hundred.client.webhook.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@HundredTest(seed = "seed.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassTest {
    private static String firstUrl;

    @BeforeAll
    static void serverIsThereBeforeAll(HundredServer hundred) {
        firstUrl = hundred.url();
    }

    @Test
    @Order(1)
    void injectsTheServerAndAClientPointedAtIt(HundredServer hundred, HmsClient hms) {
        assertThat(hundred.url()).isEqualTo(firstUrl).startsWith("http://127.0.0.1:");
        assertThat(hundred.baseUrl()).isEqualTo(firstUrl + "/v2");
        assertThat(hundred.accessKey()).isNotBlank();
        assertThat(hundred.secret()).isNotBlank();
        assertThat(hms).isSameAs(hundred.client());
        hms.rooms().create(RoomCreateParams.builder().name("kept").build());
    }

    @Test
    @Order(2)
    void theSameServerForTheWholeClassWithTheSeedApplied(HundredServer hundred, HmsClient hms) {
        assertThat(hundred.url()).isEqualTo(firstUrl);
        assertThat(hms.rooms().retrieveByName("kept")).isNotNull();
        assertThat(hms.rooms().retrieveByName("seeded").description()).isEqualTo("from seed.json");
    }

    @Test
    @Order(3)
    void emulatorPeersAndTheEventInbox(HundredServer hundred, HmsClient hms) {
        Room room = hms.rooms().create(RoomCreateParams.builder().name("inbox").build());
        Peer ann = hundred.emulator().join(room.id(), "host", "ann");
        Peer bob = hundred.emulator().join(room.id(), "guest", "bob", "u-bob",
                List.of(Map.of("type", "audio", "source", "regular")));
        assertThat(hms.activeRooms().listPeers(room.id())).containsOnlyKeys(ann.id(), bob.id());

        WebhookEvent first = hundred.events().await("peer.join.success", Duration.ofSeconds(10));
        WebhookEvent second = hundred.events().await("peer.join.success", Duration.ofSeconds(10));
        assertThat(List.of(first.peerId(), second.peerId())).containsExactly(ann.id(), bob.id());
        assertThat(second.data(PeerEventData.class).userId()).isEqualTo("u-bob");
        assertThat(hundred.emulator().leave(room.id(), ann.id()).leftAt()).isNotNull();
        assertThat(hundred.events().await("peer.leave.success", Duration.ofSeconds(10)).peerId()).isEqualTo(ann.id());
        assertThat(hundred.events().list("peer.join.success")).hasSizeGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> hundred.events().await("room.end.success", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @Order(4)
    void jobsClockAndFaults(HundredServer hundred, HmsClient hms) {
        Room room = hms.rooms().create(RoomCreateParams.builder().name("jobs").build());
        hundred.emulator().join(room.id(), "host", "cy");
        hundred.jobs().settings(Map.of("start_delay_seconds", 3600));
        Recording rec = hms.recordings().start(room.id(), RecordingStartParams.builder()
                .meetingUrl("https://x.app.100ms.live/preview/r/beam").build());
        assertThat(hundred.jobs().retrieve(rec.id()).get("status").asText()).isEqualTo("starting");
        assertThat(hundred.jobs().complete(rec.id()).get("status").asText()).isEqualTo("completed");
        assertThat(hms.recordings().retrieve(rec.id()).recordingAssets()).isNotEmpty();

        Instant before = hundred.clock().now();
        Instant after = hundred.clock().advance(Duration.ofDays(2)); // past every token minted before
        assertThat(after).isAfterOrEqualTo(before.plus(Duration.ofDays(2)));
        assertThat(hms.rooms().retrieve(room.id()).id()).isEqualTo(room.id()); // the client's tokens follow the server clock

        JsonNode rule = hundred.faults().fail("GET", "/v2/rooms/*", 503, 5);
        assertThatThrownBy(() -> hms.rooms().retrieve(room.id())).isInstanceOf(ApiException.class);
        assertThat(hundred.faults().list().get(0).get("id").asText()).isEqualTo(rule.get("id").asText());
        hundred.faults().clear();
        assertThat(hms.rooms().retrieve(room.id()).id()).isEqualTo(room.id());
    }
}
