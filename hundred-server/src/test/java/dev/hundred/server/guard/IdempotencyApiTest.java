package dev.hundred.server.guard;

import static dev.hundred.server.guard.GuardHttp.post;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on POST /v2/... (issue 7) on the shared server: a repeat gets the first answer byte for
 * byte without doing the work again; another request with the key 422; keys are per workspace; bad keys
 * 400; concurrent requests with one key run once; GET, the emulator and POST /v2/token ignore the header.
 */
class IdempotencyApiTest extends ApiTestBase {

    private int rooms(Client client) {
        JsonNode data = client.get("/v2/rooms?limit=100").json().path("data");
        return data.isArray() ? data.size() : 0;
    }

    @Test
    void a_room_create_repeated_with_its_key_makes_one_room_and_answers_the_same_bytes() {
        GuardHttp.Answer first = post(api, "/v2/rooms", "{\"description\":\"once\"}", "create-1");
        GuardHttp.Answer again = post(api, "/v2/rooms", "{\"description\":\"once\"}", "create-1");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type")).startsWith("application/json");
        assertThat(rooms(api)).as("one room made").isEqualTo(1);

        // without the header nothing changes: a nameless create makes another room each time
        GuardHttp.Answer plain = post(api, "/v2/rooms", "{\"description\":\"once\"}", null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().path("id").asText()).isNotEqualTo(first.json().path("id").asText());
        assertThat(rooms(api)).isEqualTo(2);
    }

    @Test
    void a_send_message_repeated_with_its_key_sends_once() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String session = api.get("/v2/active-rooms/" + room).at("/session/id");
        String path = "/v2/active-rooms/" + room + "/send-message";

        GuardHttp.Answer first = post(api, path, "{\"message\":\"hello\"}", "msg-1");
        GuardHttp.Answer again = post(api, path, "{\"message\":\"hello\"}", "msg-1");

        assertThat(first.text()).isEqualTo("{\"message\":\"message sent\"}");
        assertThat(again.sameAs(first)).isTrue();
        assertThat(again.replayed()).isTrue();
        JsonNode record = api.get("/emulator/v1/sessions/" + session + "/messages").json().path("messages");
        assertThat(record).as("sent once").hasSize(1);

        post(api, path, "{\"message\":\"hello\"}", "msg-2");
        assertThat(api.get("/emulator/v1/sessions/" + session + "/messages").json().path("messages")).hasSize(2);
    }

    @Test
    void the_same_key_with_another_body_or_path_is_422_and_does_nothing() {
        GuardHttp.Answer first = post(api, "/v2/rooms", "{\"description\":\"a\"}", "reused");
        assertThat(first.status()).isEqualTo(200);
        String room = first.json().path("id").asText();

        assertError(post(api, "/v2/rooms", "{\"description\":\"b\"}", "reused").response(), 422, "Idempotency key reused",
                "Idempotency-Key was first used with another request body");
        assertError(post(api, "/v2/rooms/" + room, "{\"description\":\"a\"}", "reused").response(), 422,
                "Idempotency key reused", "Idempotency-Key was first used on another path");
        assertError(post(api, "/v2/rooms?x=1", "{\"description\":\"a\"}", "reused").response(), 422,
                "Idempotency key reused", "Idempotency-Key was first used on another path");
        assertError(post(api, "/v2/rooms", "", "reused").response(), 422, "Idempotency key reused",
                "Idempotency-Key was first used with another request body");
        assertThat(rooms(api)).isEqualTo(1);
        assertThat(api.get("/v2/rooms/" + room).json().path("description").asText()).isEqualTo("a");

        // and the first request still gets its answer
        assertThat(post(api, "/v2/rooms", "{\"description\":\"a\"}", "reused").sameAs(first)).isTrue();
    }

    @Test
    void a_body_that_is_the_same_json_written_otherwise_is_the_same_request() {
        GuardHttp.Answer first = post(api, "/v2/rooms", "{\"name\":\"json-equal\",\"description\":\"d\",\"size\":5}", "json");
        GuardHttp.Answer reordered = post(api, "/v2/rooms",
                "{ \"size\" : 5,\n \"description\" : \"\\u0064\", \"name\" : \"json-equal\" }", "json");
        assertThat(first.status()).isEqualTo(200);
        assertThat(reordered.replayed()).isTrue();
        assertThat(reordered.body()).isEqualTo(first.body());

        assertError(post(api, "/v2/rooms", "{\"name\":\"json-equal\",\"description\":\"d\",\"size\":5.0}", "json").response(),
                422, "Idempotency key reused", "Idempotency-Key was first used with another request body");
        assertError(post(api, "/v2/rooms", "{\"name\":\"json-equal\",\"description\":\"d\",\"size\":5} {}", "json").response(),
                422, "Idempotency key reused", "Idempotency-Key was first used with another request body");
    }

    @Test
    void a_4xx_answer_is_kept_and_given_again_while_a_body_that_is_not_json_counts_by_its_bytes() {
        GuardHttp.Answer refused = post(api, "/v2/rooms", "{\"size\":\"big\"}", "bad-body");
        assertError(refused.response(), 400, "Invalid body param");
        GuardHttp.Answer again = post(api, "/v2/rooms", "{\"size\":\"big\"}", "bad-body");
        assertThat(again.replayed()).isTrue();
        assertThat(again.sameAs(refused)).isTrue();

        GuardHttp.Answer broken = post(api, "/v2/rooms", "{\"name\": ", "broken");
        assertError(broken.response(), 400, "Invalid body param");
        assertThat(post(api, "/v2/rooms", "{\"name\": ", "broken").replayed()).isTrue();
        assertError(post(api, "/v2/rooms", "{\"name\":  ", "broken").response(), 422, "Idempotency key reused");

        GuardHttp.Answer missing = post(api, "/v2/rooms/000000000000000000000000", "{}", "missing");
        assertError(missing.response(), 404, "Room not found");
        assertThat(post(api, "/v2/rooms/000000000000000000000000", "{}", "missing").sameAs(missing)).isTrue();
        assertThat(rooms(api)).isZero();
    }

    @Test
    void a_request_refused_before_it_ran_claims_nothing_and_a_trailing_slash_is_the_same_path() {
        String tooLarge = "{\"description\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertError(post(api, "/v2/rooms", tooLarge, "early").response(), 413, "Request body too large");
        GuardHttp.Answer ran = post(api, "/v2/rooms", "{}", "early");
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ran.replayed()).isFalse();

        GuardHttp.Answer slash = post(api, "/v2/rooms/", "{}", "early");
        assertThat(slash.replayed()).isTrue();
        assertThat(slash.sameAs(ran)).isTrue();
        assertThat(rooms(api)).isEqualTo(1);
    }

    @Test
    void keys_belong_to_a_workspace() {
        Client other = Client.forNewWorkspace(api.server());
        GuardHttp.Answer mine = post(api, "/v2/rooms", "{}", "shared-key");
        GuardHttp.Answer theirs = post(other, "/v2/rooms", "{}", "shared-key");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.json().path("id").asText()).isNotEqualTo(mine.json().path("id").asText());
        assertThat(rooms(api)).isEqualTo(1);
        assertThat(rooms(other)).isEqualTo(1);
        assertThat(post(api, "/v2/rooms", "{}", "SHARED-KEY").replayed()).as("keys are case-sensitive").isFalse();
    }

    @Test
    void bad_keys_are_400_and_do_nothing() {
        String body = "{\"description\":\"k\"}";
        assertError(post(api, "/v2/rooms", body, "k".repeat(256)).response(), 400, "Invalid header",
                "Idempotency-Key must be 1 to 255 characters long");
        assertError(raw(body, ascii("Idempotency-Key: ")).response(), 400, "Invalid header",
                "Idempotency-Key must be 1 to 255 characters long");
        assertError(raw(body, ascii("Idempotency-Key: one"), ascii("Idempotency-Key: two")).response(), 400, "Invalid header",
                "Idempotency-Key must be given once");
        assertError(raw(body, "Idempotency-Key: caf\u00e9".getBytes(StandardCharsets.UTF_8)).response(), 400, "Invalid header",
                "Idempotency-Key must be printable ASCII");
        assertError(raw(body, "Idempotency-Key: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)).response(), 400,
                "Invalid header", "Idempotency-Key must be printable ASCII");
        assertError(raw(body, ascii("Idempotency-Key: a\tb")).response(), 400, "Invalid header",
                "Idempotency-Key must be printable ASCII");
        GuardHttp.Answer control = raw(body, ascii("Idempotency-Key: a\u0001b"));
        assertThat(control.status()).as(control.text()).isEqualTo(400);
        assertError(control.response(), 400, control.json().path("message").asText());
        assertThat(rooms(api)).isZero();

        String longest = "~ !" + "k".repeat(252);
        GuardHttp.Answer ok = post(api, "/v2/rooms", body, longest);
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(post(api, "/v2/rooms", body, longest).replayed()).isTrue();
        assertThat(rooms(api)).isEqualTo(1);
    }

    @Test
    void get_the_emulator_and_the_token_exchange_ignore_the_header() {
        GuardHttp.Answer list = GuardHttp.send(api, "GET", "/v2/rooms", null, Map.of("Idempotency-Key", "k".repeat(300)));
        assertThat(list.status()).as("GET ignores even a bad key").isEqualTo(200);

        String room = Live.room(api);
        String peerA = post(api, "/emulator/v1/rooms/" + room + "/peers", "{\"role\":\"host\",\"name\":\"Ann\"}", "emu").json()
                .path("id").asText();
        String peerB = post(api, "/emulator/v1/rooms/" + room + "/peers", "{\"role\":\"host\",\"name\":\"Ann\"}", "emu").json()
                .path("id").asText();
        assertThat(peerA).isNotBlank().isNotEqualTo(peerB);
        assertThat(post(api, "/emulator/v1/rooms/" + room + "/peers", "{\"role\":\"host\",\"name\":\"Cy\"}", "x".repeat(300))
                .status()).isEqualTo(200);

        String code = api.post("/v2/room-codes/room/" + room + "/role/guest", null).at("/code");
        Client anonymous = api.withToken(null);
        GuardHttp.Answer tokenA = post(anonymous, "/v2/token", "{\"code\":\"" + code + "\"}", "token-key");
        GuardHttp.Answer tokenB = post(anonymous, "/v2/token", "{\"code\":\"" + code + "\"}", "token-key");
        assertThat(tokenA.status()).as(tokenA.text()).isEqualTo(200);
        assertThat(tokenB.replayed()).isFalse();
        assertThat(tokenB.json().path("token").asText()).isNotEqualTo(tokenA.json().path("token").asText());
        assertThat(post(anonymous, "/v2/token", "{\"code\":\"" + code + "\"}", "").status()).isEqualTo(200);
    }

    @Test
    void eight_requests_at_once_with_one_key_run_once_and_all_get_the_same_answer() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<GuardHttp.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return post(api, "/v2/rooms", "{\"description\":\"together\"}", "together");
                }));
            }
            go.countDown();
            List<GuardHttp.Answer> answers = new ArrayList<>();
            for (Future<GuardHttp.Answer> f : futures) {
                answers.add(f.get());
            }
            assertThat(answers.get(0).status()).as(answers.get(0).text()).isEqualTo(200);
            assertThat(answers).allSatisfy(a -> assertThat(a.sameAs(answers.get(0))).as(a.text()).isTrue());
            assertThat(answers).filteredOn(a -> !a.replayed()).as("exactly one ran").hasSize(1);
            assertThat(rooms(api)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private GuardHttp.Answer raw(String body, byte[]... headerLines) {
        return GuardHttp.rawPost(api.server(), api.token(), "/v2/rooms", body, List.of(headerLines));
    }

    private static byte[] ascii(String line) {
        return line.getBytes(StandardCharsets.ISO_8859_1);
    }
}
