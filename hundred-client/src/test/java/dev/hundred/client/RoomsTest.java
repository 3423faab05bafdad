package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.client.exception.AuthenticationException;
import dev.hundred.client.exception.InvalidRequestException;
import dev.hundred.client.exception.NotFoundException;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.Room;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.RoomListParams;
import dev.hundred.client.param.RoomUpdateParams;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoomsTest {
    private static TestServer server;
    private static HmsClient hms;

    @BeforeAll
    static void start() {
        server = TestServer.own(); // counts rooms: nobody else may make any
        hms = server.client();
    }

    @AfterAll
    static void stop() {
        server.hundred.close();
    }

    @Test
    void createsRetrievesUpdatesAndDisables() {
        Room room = hms.rooms().create(RoomCreateParams.builder().name("standup-1").description("daily").size(50)
                .webhook(Map.of("url", "http://127.0.0.1:1/hook", "headers", Map.of("X-Key", "k"))).build());
        assertThat(room.id()).matches("[0-9a-f]{24}");
        assertThat(room.name()).isEqualTo("standup-1");
        assertThat(room.enabled()).isTrue();
        assertThat(room.size()).isEqualTo(50);
        assertThat(room.webhook().headers()).containsEntry("X-Key", "k");
        assertThat(room.createdAt()).isNotNull();

        assertThat(hms.rooms().retrieve(room.id())).isEqualTo(room);
        assertThat(hms.rooms().retrieveByName("standup-1").id()).isEqualTo(room.id());

        Room updated = hms.rooms().update(room.id(), RoomUpdateParams.builder().description("weekly").build());
        assertThat(updated.description()).isEqualTo("weekly");
        assertThat(hms.rooms().enable(room.id(), false).enabled()).isFalse();
        assertThat(hms.rooms().retrieveByName("standup-1").enabled()).isFalse();
        assertThat(hms.rooms().enable(room.id(), true).enabled()).isTrue();
    }

    @Test
    void pagesThroughEveryRoomFollowingLast() {
        RecordingTransport wire = new RecordingTransport();
        HmsClient counted = server.clientBuilder().transport(wire).build();
        for (int i = 0; i < 23; i++) {
            hms.rooms().create(RoomCreateParams.builder().name("page-" + i).build());
        }
        HmsPage<Room> first = counted.rooms().list(RoomListParams.builder().limit(10).build());
        assertThat(first.data()).hasSize(10);
        List<String> names = first.stream().map(Room::name).filter(n -> n.startsWith("page-")).collect(Collectors.toList());
        assertThat(names).hasSize(23).doesNotHaveDuplicates();
        long gets = wire.requests.stream().filter(r -> r.uri().getPath().equals("/v2/rooms")).count();
        assertThat(gets).isGreaterThanOrEqualTo(3);
        assertThat(wire.requests.get(1).uri().getQuery()).contains("start=" + first.cursor());

        int all = 0;
        for (Room ignored : hms.rooms().list(RoomListParams.builder().limit(100).build()).autoPagingIterable()) {
            all++;
        }
        assertThat(all).isEqualTo(first.stream().count());
    }

    @Test
    void anEmptyListIsOnePageAndEnds() {
        HmsPage<Room> none = hms.rooms().list(RoomListParams.builder().name("no-such-room").build());
        assertThat(none.data()).isEmpty();
        assertThat(none.hasMore()).isFalse();
        assertThat(none.stream().count()).isZero();
    }

    @Test
    void errorsCarryTheStatusMessageAndDetails() {
        assertThatThrownBy(() -> hms.rooms().retrieve("000000000000000000000000"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.apiMessage()).isNotBlank();
                });
        assertThatThrownBy(() -> hms.rooms().create(RoomCreateParams.builder().maxDurationSeconds(5).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.apiMessage()).isEqualTo("Invalid body param: max_duration_seconds less than 120 seconds");
                    assertThat(e.getMessage()).contains("HTTP 400").contains("max_duration_seconds");
                });
        assertThatThrownBy(() -> hms.rooms().create(RoomCreateParams.builder().size(3000).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                        assertThat(e.details()).containsExactly("Invalid body param: room size greater than 2500, set large_room flag as true"));
    }

    @Test
    void aWrongSecretIsMintedAgainOnceThenRefused() {
        RecordingTransport wire = new RecordingTransport();
        HmsClient wrong = HmsClient.builder().credentials(server.workspace.accessKey(), "not-the-secret")
                .baseUrl(server.baseUrl()).transport(wire).build();
        assertThatThrownBy(() -> wrong.rooms().list())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(wire.statuses).containsExactly(401, 401);
        assertThat(wire.requests.get(0).header("Authorization")).isNotEqualTo(wire.requests.get(1).header("Authorization"));
    }
}
