package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages a client should not send (docs/gateway.md, Limits and misbehaving clients): not JSON, not an
 * object, no or an unknown type, fields of the wrong type, missing, or over the live plane's limits, NUL
 * characters. Each gets an {@code error} in the REST error shape with its request id when it had one;
 * the socket stays open and nothing is written.
 */
class GatewayBadMessagesTest extends ApiTestBase {
    private static final String POLL = """
            {"title": "Lunch", "start": "manual", "questions": [
              {"text": "Where?", "options": [{"text": "in"}, {"text": "out"}]},
              {"text": "Why?", "type": "short-answer"}]}""";

    @BeforeEach
    void record() {
        RecordedEvents.recordOn(api.server());
    }

    /** Sends {@code raw} as is; the reply is an error with this request id, code, message and detail. */
    private static void refusedRaw(TestPeer peer, String raw, String requestId, int code, String message, String detail) {
        peer.sendText(raw);
        assertError(peer.next(), requestId, code, message, detail, raw);
    }

    private static void refused(TestPeer peer, String type, Map<String, ?> fields, int code, String message, String detail) {
        JsonNode reply = peer.request(type, fields);
        assertError(reply, reply.path("request_id").asText(), code, message, detail, type + " " + abbreviated(fields));
    }

    private static void assertError(JsonNode reply, String requestId, int code, String message, String detail, String sent) {
        assertThat(reply.path("type").asText()).as("reply to %s: %s", sent, reply).isEqualTo("error");
        assertThat(reply.path("request_id").isNull() ? null : reply.path("request_id").asText())
                .as("request_id of %s", reply).isEqualTo(requestId);
        assertThat(reply.path("code").asInt()).as("code of %s", reply).isEqualTo(code);
        assertThat(reply.path("message").asText()).as("message of %s", reply).isEqualTo(message);
        assertThat(reply.path("details")).extracting(JsonNode::asText).as("details of %s", reply).containsExactly(detail);
    }

    private static String abbreviated(Object fields) {
        String s = String.valueOf(fields);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void messages_that_are_not_json_objects_or_have_no_known_type_get_errors_and_the_socket_stays_open() {
        String room = Live.room(api);
        try (TestPeer ann = TestPeer.connect(api.server(), Live.appToken(api, room, "host", "u-ann"))) {
            refusedRaw(ann, "", null, 400, "Invalid message", "a message is a JSON object");
            refusedRaw(ann, "hello", null, 400, "Invalid message", "malformed JSON");
            refusedRaw(ann, "{\"type\": \"join\"", null, 400, "Invalid message", "malformed JSON");
            refusedRaw(ann, "{\"type\": \"join\"} {}", null, 400, "Invalid message", "malformed JSON");
            for (String notAnObject : List.of("[1]", "5", "\"join\"", "null", "true", "[{\"type\": \"join\"}]")) {
                refusedRaw(ann, notAnObject, null, 400, "Invalid message", "a message is a JSON object");
            }
            refusedRaw(ann, "{\"request_id\": \"a\"}", "a", 400, "Invalid message", "type is required");
            refusedRaw(ann, "{\"type\": null, \"request_id\": \"b\"}", "b", 400, "Invalid message", "type is required");
            refusedRaw(ann, "{\"type\": 7, \"request_id\": \"c\"}", "c", 400, "Invalid message", "type must be a string");
            refusedRaw(ann, "{\"type\": \"dance\", \"request_id\": \"d\"}", "d", 400, "Invalid message", "unknown type dance");
            refusedRaw(ann, "{\"type\": \"" + "x".repeat(100_000) + "\", \"request_id\": \"e\"}", "e", 400, "Invalid message",
                    "unknown type " + "x".repeat(64) + "...");
            refusedRaw(ann, "{\"type\": \"join\", \"request_id\": 5}", null, 400, "Invalid message", "request_id must be a string");
            refusedRaw(ann, "{\"type\": \"update\", \"request_id\": \"f\"}", "f", 400, "Invalid request", "join first");
            refusedRaw(ann, "{\"type\": \"join\", \"request_id\": \"g\", \"x\": " + "[".repeat(40) + "]".repeat(40) + "}",
                    null, 400, "Invalid message", "JSON nesting too deep (max 32)");

            ann.join("Ann");
            assertThat(api.get("/v2/active-rooms/" + room).json().path("session").path("peers")).hasSize(1);
            assertThat(RecordedEvents.types(api.server(), api.workspace().id()))
                    .containsExactly("session.open.success", "peer.join.success");
        }
    }

    @Test
    void a_join_with_bad_fields_is_refused_with_the_field_named_and_the_socket_may_join_again() {
        String room = Live.room(api);
        try (TestPeer ann = TestPeer.connect(api.server(), Live.appToken(api, room, "host", "u-ann"))) {
            refused(ann, "join", fields("name", 5), 400, "Invalid message", "name must be a string");
            refused(ann, "join", fields("name", "x".repeat(1025)), 400, "Invalid body param", "name must be at most 1024 characters");
            refused(ann, "join", fields("metadata", "m".repeat(64 * 1024 + 1)), 400, "Invalid body param",
                    "metadata must be at most 65536 characters");
            refused(ann, "join", fields("metadata", Map.of("a", 1)), 400, "Invalid message", "metadata must be a string");
            refused(ann, "join", fields("name", "A\u0000nn"), 400, "Invalid message", "name must not contain NUL characters");
            refused(ann, "join", fields("tracks", "audio"), 400, "Invalid message", "tracks must be an array");
            refused(ann, "join", fields("tracks", List.of(Map.of("type", "smell"))), 400, "Invalid body param",
                    "tracks[0].type must be audio or video");
            refused(ann, "join", fields("tracks", List.of(Map.of("type", "audio", "description", "\u0000"))), 400,
                    "Invalid message", "tracks[0].description must not contain NUL characters");
            refused(ann, "join", fields("tracks", java.util.Collections.nCopies(17, Map.of("type", "audio"))), 400,
                    "Invalid body param", "tracks must have at most 16 tracks");
            assertThat(api.get("/v2/active-rooms/" + room).status()).isEqualTo(404); // nobody is in: no session
            assertThat(RecordedEvents.types(api.server(), api.workspace().id())).isEmpty();

            JsonNode joined = ann.join("Ann");
            assertThat(joined.path("peer").path("name").asText()).isEqualTo("Ann");
        }
    }

    @Test
    void every_request_type_answers_bad_fields_with_an_error_and_writes_nothing() {
        String room = Live.room(api);
        Client.Response created = api.post("/v2/polls", POLL);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String poll = created.at("/id");
        try (TestPeer ann = Live.gatewayPeer(api, room, "host", "Ann")) {
            String big = "x".repeat(100_000);
            refused(ann, "update", fields("name", 5), 400, "Invalid message", "name must be a string");
            refused(ann, "update", fields("name", "x".repeat(1025)), 400, "Invalid body param", "name must be at most 1024 characters");
            refused(ann, "update", fields("metadata", "m".repeat(64 * 1024 + 1)), 400, "Invalid body param",
                    "metadata must be at most 65536 characters");
            refused(ann, "update", fields("metadata", "{\"a\":\"\u0000\"}"), 400, "Invalid message",
                    "metadata must not contain NUL characters");

            refused(ann, "publish-track", fields(), 400, "Invalid body param", "track is required");
            refused(ann, "publish-track", fields("track", "audio"), 400, "Invalid message", "track must be an object");
            refused(ann, "publish-track", fields("track", Map.of("type", 5)), 400, "Invalid message", "track.type must be a string");
            refused(ann, "publish-track", fields("track", Map.of("type", "smell")), 400, "Invalid body param",
                    "type must be audio or video");
            refused(ann, "publish-track", fields("track", Map.of("type", "audio", "source", "s".repeat(65))), 400,
                    "Invalid body param", "source must be at most 64 characters");
            refused(ann, "publish-track", fields("track", Map.of("type", "audio", "description", big)), 400,
                    "Invalid body param", "description must be at most 1024 characters");
            refused(ann, "publish-track", fields("track", Map.of("type", "audio", "mute", "yes")), 400,
                    "Invalid message", "track.mute must be a boolean");

            refused(ann, "mute-track", fields(), 400, "Invalid body param", "track_id is required");
            refused(ann, "mute-track", fields("track_id", 5, "mute", true), 400, "Invalid message", "track_id must be a string");
            refused(ann, "mute-track", fields("track_id", "t1"), 400, "Invalid body param", "mute is required");
            refused(ann, "mute-track", fields("track_id", "t1", "mute", "yes"), 400, "Invalid message", "mute must be a boolean");
            JsonNode unknownTrack = ann.request("mute-track", fields("track_id", big, "mute", true));
            assertThat(unknownTrack.path("code").asInt()).as("%s", unknownTrack).isEqualTo(404);
            assertThat(unknownTrack.path("message").asText()).isEqualTo("Track not found");

            refused(ann, "unpublish-track", fields(), 400, "Invalid body param", "track_id is required");
            refused(ann, "unpublish-track", fields("track_id", List.of()), 400, "Invalid message", "track_id must be a string");
            assertThat(ann.request("unpublish-track", fields("track_id", big)).path("code").asInt()).isEqualTo(404);

            refused(ann, "send-message", fields(), 400, "Invalid body param", "message is required");
            refused(ann, "send-message", fields("message", 5), 400, "Invalid message", "message must be a string");
            refused(ann, "send-message", fields("message", "m".repeat(64 * 1024 + 1)), 400, "Invalid body param",
                    "message must be at most 65536 characters");
            refused(ann, "send-message", fields("message", "hi", "message_type", "t".repeat(65)), 400, "Invalid body param",
                    "type must be at most 64 characters");
            refused(ann, "send-message", fields("message", "hi", "role", "r".repeat(101)), 400, "Invalid body param",
                    "role must be at most 100 characters");
            refused(ann, "send-message", fields("message", "hi", "peer_id", Map.of()), 400, "Invalid message",
                    "peer_id must be a string");
            refused(ann, "send-message", fields("message", "hi\u0000"), 400, "Invalid message", "message must not contain NUL characters");
            JsonNode toNobody = ann.request("send-message", fields("message", "hi", "peer_id", big));
            assertThat(toNobody.path("code").asInt()).as("%s", toNobody).isEqualTo(404);

            for (String type : List.of("poll-start", "poll-stop")) {
                refused(ann, type, fields(), 400, "Invalid body param", "poll_id is required");
                refused(ann, type, fields("poll_id", 5), 400, "Invalid message", "poll_id must be a string");
                refused(ann, type, fields("poll_id", "\u0000"), 400, "Invalid message", "poll_id must not contain NUL characters");
                JsonNode noPoll = ann.request(type, fields("poll_id", big));
                assertThat(noPoll.path("code").asInt()).as("%s %s", type, noPoll).isEqualTo(404);
            }
            refused(ann, "poll-response", fields(), 400, "Invalid body param", "poll_id is required");
            refused(ann, "poll-response", fields("poll_id", poll), 400, "Invalid body param", "question is required");
            refused(ann, "poll-response", fields("poll_id", poll, "question", "1"), 400, "Invalid message",
                    "question must be an integer");
            refused(ann, "poll-response", fields("poll_id", poll, "question", 1e40), 400, "Invalid message",
                    "question must be an integer");
            refused(ann, "poll-response", fields("poll_id", poll, "question", 1, "options", "1"), 400, "Invalid message",
                    "options must be an array");
            refused(ann, "poll-response", fields("poll_id", poll, "question", 1, "skipped", 1), 400, "Invalid message",
                    "skipped must be a boolean");
            refused(ann, "poll-response", fields("poll_id", poll, "question", 2, "text", big), 400, "Invalid request",
                    "poll not running in this session");

            refusedRaw(ann, "{\"type\": \"leave\", \"request_id\": 1}", null, 400, "Invalid message", "request_id must be a string");

            JsonNode peer = api.get("/v2/active-rooms/" + room + "/peers/" + ann.peerId()).json();
            assertThat(peer.path("name").asText()).isEqualTo("Ann");
            assertThat(peer.path("metadata").asText()).isEmpty();
            assertThat(peer.path("tracks").size()).isZero();
            assertThat(api.get("/emulator/v1/sessions/" + ann.sessionId() + "/messages").json().path("messages")).isEmpty();
            assertThat(api.get("/v2/polls/" + poll + "/sessions").json().path("data").size()).isZero();
            assertThat(RecordedEvents.types(api.server(), api.workspace().id()))
                    .containsExactly("session.open.success", "peer.join.success");

            assertThat(ann.request("update", fields("name", "Anna")).path("type").asText()).isEqualTo("ok");
            assertThat(ann.request("leave", fields()).path("type").asText()).isEqualTo("ok");
            assertThat(ann.awaitClose()).isEqualTo(new TestPeer.Closed(1000, "client request"));
        }
    }
}
