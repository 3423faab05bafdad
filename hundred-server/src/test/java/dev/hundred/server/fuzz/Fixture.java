package dev.hundred.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.auth.Jwt;
import dev.hundred.server.http.Json;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What exists before the fuzz, on one server: two workspaces with the same objects (a template, two rooms,
 * their room codes, a poll, a stream key, a peer in a live session, the workspace webhook). The protected
 * workspace is only ever sent GET and HEAD with its own token; the playground takes every method, and its
 * token is also aimed at the protected workspace's ids (which must answer 404 and change nothing).
 */
final class Fixture {
    /** One workspace's objects, by the placeholder names of {@link Endpoints}. */
    record Objects(Client api, Map<String, List<String>> ids) {
        String first(String kind) {
            return ids.get(kind).get(0);
        }
    }

    final Hundred server;
    final Objects protectedWs;
    final Objects playground;
    final Map<String, String> badTokens;

    private Fixture(Hundred server, Objects protectedWs, Objects playground, Map<String, String> badTokens) {
        this.server = server;
        this.protectedWs = protectedWs;
        this.playground = playground;
        this.badTokens = badTokens;
    }

    static Fixture make(Hundred server) {
        Objects protectedWs = objects(Client.forNewWorkspace(server), "kept");
        Objects playground = objects(Client.forNewWorkspace(server), "play");
        return new Fixture(server, protectedWs, playground, badTokens(server, protectedWs.api()));
    }

    private static Objects objects(Client api, String tag) {
        String template = ok(api.post("/v2/templates", "{\"name\": \"fuzz-" + tag + "\", \"roles\": {\"host\": {}, \"guest\": {}}}"))
                .path("id").asText();
        String room = ok(api.post("/v2/rooms", Map.of("name", "fuzz-" + tag + "-1", "description", "kept as it is",
                "template_id", template))).path("id").asText();
        String disabled = ok(api.post("/v2/rooms", Map.of("name", "fuzz-" + tag + "-2", "template_id", template))).path("id").asText();
        ok(api.post("/v2/rooms/" + disabled, Map.of("enabled", false)));
        List<String> codes = new ArrayList<>();
        ok(api.post("/v2/room-codes/room/" + room, null)).path("data").forEach(c -> codes.add(c.path("code").asText()));
        String poll = ok(api.post("/v2/polls", "{\"title\": \"kept\", \"questions\": [{\"text\": \"q?\", "
                + "\"options\": [{\"text\": \"a\"}, {\"text\": \"b\"}]}]}")).path("id").asText();
        String key = ok(api.post("/v2/stream-keys/room/" + room, null)).path("key").asText();
        ok(api.post("/emulator/v1/webhook", Map.of("url", "http://127.0.0.1:9/fuzz-" + tag)));
        String peer = ok(api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", "Ann",
                "user_id", "ann"))).path("id").asText();
        String session = ok(api.get("/v2/sessions?room_id=" + room)).path("data").path(0).path("id").asText();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("room", List.of(room, disabled));
        ids.put("template", List.of(template));
        ids.put("role", List.of("host", "guest"));
        ids.put("code", List.copyOf(codes));
        ids.put("poll", List.of(poll));
        ids.put("key", List.of(key));
        ids.put("peer", List.of(peer));
        ids.put("session", List.of(session));
        ids.put("id", List.of("1", "2", room, peer, session));
        ids.put("file", List.of("master.m3u8", "recording.mp4", "chat.csv"));
        return new Objects(api, ids);
    }

    /** Tokens that must each be refused: expired, forged, alg none, iat in the future, version 1, app token, ... */
    private static Map<String, String> badTokens(Hundred server, Client api) {
        var ws = api.workspace();
        long now = server.clock().instant().getEpochSecond();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("none", null);
        bad.put("garbage", "Bearer not.a.token");
        bad.put("empty bearer", "Bearer ");
        bad.put("basic", "Basic YWxhZGRpbjpvcGVuc2VzYW1l");
        bad.put("expired", "Bearer " + Jwt.sign(claims(ws.accessKey(), now - 7200, now - 3600, 2), ws.secret()));
        bad.put("forged", "Bearer " + Jwt.sign(claims(ws.accessKey(), now, now + 3600, 2), "not-the-secret-of-this-workspace"));
        bad.put("iat in the future", "Bearer " + Jwt.sign(claims(ws.accessKey(), now + 3600, now + 7200, 2), ws.secret()));
        bad.put("version 1", "Bearer " + Jwt.sign(claims(ws.accessKey(), now, now + 3600, 1), ws.secret()));
        bad.put("unknown access key", "Bearer " + Jwt.sign(claims("0123456789abcdef01234567", now, now + 3600, 2), ws.secret()));
        String good = server.tokens().management(ws, Duration.ofHours(2));
        String[] parts = good.split("\\.");
        String noneHeader = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bad.put("alg none", "Bearer " + noneHeader + "." + parts[1] + ".");
        bad.put("truncated signature", "Bearer " + good.substring(0, good.length() - 3));
        bad.put("app token", "Bearer " + server.tokens().app(ws, api.workspace().id(), "host", "u", Duration.ofHours(2)));
        bad.put("huge", "Bearer " + "A".repeat(6000));
        return bad;
    }

    private static ObjectNode claims(String accessKey, long iat, long exp, int version) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("access_key", accessKey);
        c.put("type", "management");
        c.put("version", version);
        c.put("iat", iat);
        c.put("nbf", iat);
        c.put("exp", exp);
        c.put("jti", "0b7c6a3e-1d2f-4e5a-9b8c-7d6e5f4a3b2c");
        return c;
    }

    /** The protected workspace as GETs read it: must be the same after the fuzz as before. */
    Map<String, JsonNode> snapshot() {
        Client api = protectedWs.api().renewToken();
        String room = protectedWs.first("room");
        List<String> paths = new ArrayList<>(List.of("/v2/rooms?enabled=true", "/v2/rooms?enabled=false", "/v2/templates",
                "/v2/templates/" + protectedWs.first("template"), "/v2/room-codes/room/" + room,
                "/v2/polls/" + protectedWs.first("poll"), "/v2/stream-keys/room/" + room, "/emulator/v1/webhook",
                "/emulator/v1/settings", "/v2/active-rooms/" + room + "/peers", "/v2/sessions/" + protectedWs.first("session")));
        protectedWs.ids().get("room").forEach(r -> paths.add("/v2/rooms/" + r));
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String path : paths) {
            seen.put(path, ok(api.get(path)));
        }
        return seen;
    }

    private static JsonNode ok(Client.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
