package dev.hundred.server.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Every path Hundred serves, with its method: the spec's endpoint index (§1.9), {@code /v2/token}, the
 * emulator API, asset downloads, HLS playback, the gateway's upgrade path (sent as a plain GET), the dashboard's
 * page, assets and API, plus a few paths it does not serve. Placeholders in braces are filled by {@link RequestGenerator} from the id pools of
 * {@link Fixture}; {@code fields} are the body's real field names (the generator also adds unknown ones),
 * {@code query} the query parameters the endpoint reads.
 */
final class Endpoints {
    private Endpoints() {}

    /**
     * {@code hostileOnly}: the endpoint acts on the whole server (the clock) or can make later answers 5xx by
     * design (fault rules), so the fuzz sends it only bodies no field could accept. {@code json}: a 2xx answer
     * is JSON.
     */
    record Endpoint(String method, String path, List<String> fields, List<String> query, boolean hostileOnly, boolean json) {
        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    private static final List<String> PAGE = List.of("limit", "start");
    private static final List<String> ROOM_FIELDS = List.of("name", "description", "template_id", "region", "size",
            "max_duration_seconds", "large_room", "recording_info", "webhook", "polls", "enabled");
    private static final List<String> TEMPLATE_FIELDS = List.of("name", "roles", "settings", "destinations", "recordings",
            "default", "region", "customer", "_id");
    private static final List<String> JOB_FIELDS = List.of("meeting_url", "resolution", "destination", "audio_only",
            "transcription", "recording", "rtmp_urls", "summary");

    static final List<Endpoint> ALL = build();

    private static List<Endpoint> build() {
        List<Endpoint> e = new ArrayList<>();
        // rooms (§3)
        post(e, "/v2/rooms", ROOM_FIELDS);
        get(e, "/v2/rooms", "limit", "start", "name", "enabled", "after", "before");
        get(e, "/v2/rooms/{room}");
        post(e, "/v2/rooms/{room}", ROOM_FIELDS);
        // room codes (§4) and the code exchange (§2.3)
        post(e, "/v2/room-codes/room/{room}", List.of());
        post(e, "/v2/room-codes/room/{room}/role/{role}", List.of());
        get(e, "/v2/room-codes/room/{room}", "limit", "start", "enabled");
        post(e, "/v2/room-codes/code", List.of("code", "enabled"));
        post(e, "/v2/token", List.of("code", "user_id"));
        // templates (§5)
        post(e, "/v2/templates", TEMPLATE_FIELDS);
        get(e, "/v2/templates", "limit", "start");
        get(e, "/v2/templates/{template}");
        post(e, "/v2/templates/{template}", TEMPLATE_FIELDS);
        get(e, "/v2/templates/{template}/roles/{role}");
        post(e, "/v2/templates/{template}/roles/{role}", List.of("name", "publishParams", "subscribeParams", "permissions",
                "priority", "maxPeerCount"));
        delete(e, "/v2/templates/{template}/roles/{role}");
        for (String part : List.of("settings", "destinations", "recordings")) {
            get(e, "/v2/templates/{template}/" + part);
            post(e, "/v2/templates/{template}/" + part, List.of("region", "retry", "roomState", "recording", "hlsDestinations",
                    "rtmpDestinations", "browserRecordings", "transcriptions", "type", "enabled"));
        }
        // sessions (§6) and active rooms (§7)
        get(e, "/v2/sessions", "room_id", "active", "after", "before", "limit", "start");
        get(e, "/v2/sessions/{session}");
        get(e, "/v2/active-rooms/{room}");
        get(e, "/v2/active-rooms/{room}/peers");
        get(e, "/v2/active-rooms/{room}/peers/{peer}");
        post(e, "/v2/active-rooms/{room}/peers/{peer}", List.of("name", "role", "metadata"));
        post(e, "/v2/active-rooms/{room}/send-message", List.of("peer_id", "role", "message", "type"));
        post(e, "/v2/active-rooms/{room}/remove-peers", List.of("peer_id", "role", "reason"));
        post(e, "/v2/active-rooms/{room}/end-room", List.of("reason", "lock"));
        // recordings (§8) and assets (§9)
        for (String action : List.of("start", "stop", "pause", "resume")) {
            post(e, "/v2/recordings/room/{room}/" + action, JOB_FIELDS);
        }
        post(e, "/v2/recordings/{room}/pause", List.of());
        post(e, "/v2/recordings/{id}/stop", List.of());
        get(e, "/v2/recordings/{id}");
        get(e, "/v2/recordings", "room_id", "session_id", "status", "limit", "start");
        get(e, "/v2/recording-assets", "room_id", "session_id", "job_id", "type", "status", "limit", "start");
        get(e, "/v2/recording-assets/{id}");
        get(e, "/v2/recording-assets/{id}/presigned-url", "presign_duration");
        // live streams (§10) and external streams (§11)
        for (String kind : List.of("live-streams", "external-streams")) {
            post(e, "/v2/" + kind + "/room/{room}/start", JOB_FIELDS);
            post(e, "/v2/" + kind + "/room/{room}/stop", List.of());
            post(e, "/v2/" + kind + "/{id}/stop", List.of());
            get(e, "/v2/" + kind, "room_id", "session_id", "status", "limit", "start");
            get(e, "/v2/" + kind + "/{id}");
        }
        post(e, "/v2/live-streams/{id}/timed-metadata", List.of("payload", "duration"));
        post(e, "/v2/live-streams/{id}/pause-recording", List.of());
        post(e, "/v2/live-streams/{id}/resume-recording", List.of());
        // stream keys (§12)
        post(e, "/v2/stream-keys/room/{room}", List.of());
        get(e, "/v2/stream-keys/room/{room}");
        post(e, "/v2/stream-keys/room/{room}/disable", List.of());
        // analytics (§13)
        get(e, "/v2/analytics/events", "type", "room_id", "session_id", "peer_id", "user_id", "after", "before", "limit", "start");
        get(e, "/v2/analytics/webhooks", "status", "limit", "page", "start_time", "end_time", "room_id", "event_names");
        post(e, "/v2/analytics/webhooks/replay", List.of("start_time", "end_time", "room_id", "event_names", "limit"));
        get(e, "/v2/analytics/webhooks/replay/{id}");
        get(e, "/v2/analytics/peer-stats", "peer_id", "session_id");
        // polls (§14): every read also answers POST
        post(e, "/v2/polls", List.of("title", "type", "duration", "anonymous", "mode", "start", "questions"));
        get(e, "/v2/polls/{poll}");
        post(e, "/v2/polls/{poll}", List.of("title", "type", "duration", "questions"));
        post(e, "/v2/polls/{poll}/questions/{id}", List.of("text", "type", "options", "answer", "weight", "index"));
        delete(e, "/v2/polls/{poll}/questions/{id}");
        post(e, "/v2/polls/{poll}/questions/{id}/options/{id}", List.of("text", "weight", "index"));
        delete(e, "/v2/polls/{poll}/questions/{id}/options/{id}");
        for (String read : List.of("/sessions", "/sessions/{session}", "/responses", "/responses/{id}", "/results",
                "/results/{id}", "/sessions/{session}/responses", "/sessions/{session}/results/{id}")) {
            get(e, "/v2/polls/{poll}" + read, "limit", "start");
            post(e, "/v2/polls/{poll}" + read, List.of());
        }
        // SIP (§16)
        post(e, "/v2/sip/outbound/trunks", List.of("username", "password", "address", "from"));
        post(e, "/v2/sip/outbound/trunks/{id}", List.of("username", "password", "address", "from"));
        post(e, "/v2/sip/outbound/call", List.of("to", "name", "user_id", "room_code", "trunk_id", "video"));
        post(e, "/v2/sip/dtmf", List.of("call_id", "digits"));
        // the emulator API
        get(e, "/emulator/v1/clock");
        e.add(new Endpoint("POST", "/emulator/v1/clock", List.of("advance_seconds", "set", "frozen"), List.of(), true, true));
        get(e, "/emulator/v1/settings");
        post(e, "/emulator/v1/settings", List.of("recordings", "live_streams", "external_streams", "transcriptions", "polls"));
        get(e, "/emulator/v1/webhook");
        post(e, "/emulator/v1/webhook", List.of("url", "signing_secret", "headers"));
        delete(e, "/emulator/v1/webhook");
        get(e, "/emulator/v1/faults");
        e.add(new Endpoint("POST", "/emulator/v1/faults", List.of("method", "path", "status", "message", "delay_ms", "times",
                "probability"), List.of(), true, true));
        delete(e, "/emulator/v1/faults/{id}");
        delete(e, "/emulator/v1/faults");
        get(e, "/emulator/v1/requests", "method", "path", "status", "limit");
        delete(e, "/emulator/v1/requests");
        get(e, "/emulator/v1/events", "type", "room_id", "after", "limit", "wait_seconds");
        get(e, "/emulator/v1/jobs/{id}");
        post(e, "/emulator/v1/jobs/{id}/advance", List.of("to", "reason"));
        post(e, "/emulator/v1/jobs/{id}/fail", List.of("reason", "message"));
        post(e, "/emulator/v1/recordings/{id}/transcription/advance", List.of());
        post(e, "/emulator/v1/recordings/{id}/transcription/fail", List.of("reason"));
        post(e, "/emulator/v1/rooms/{room}/peers", List.of("role", "name", "user_id", "tracks", "metadata"));
        post(e, "/emulator/v1/rooms/{room}/peers/{peer}/leave", List.of("reason"));
        post(e, "/emulator/v1/rooms/{room}/peers/{peer}/tracks", List.of("type", "source", "description", "mute"));
        post(e, "/emulator/v1/rooms/{room}/peers/{peer}/tracks/{id}", List.of("mute"));
        delete(e, "/emulator/v1/rooms/{room}/peers/{peer}/tracks/{id}");
        post(e, "/emulator/v1/rooms/{room}/peers/{peer}/client-events", List.of("type", "agent", "audio", "video", "devices"));
        post(e, "/emulator/v1/rooms/{room}/peers/{peer}/speech", List.of("text", "duration_seconds"));
        post(e, "/emulator/v1/rooms/{room}/polls/{poll}/start", List.of());
        post(e, "/emulator/v1/rooms/{room}/polls/{poll}/stop", List.of());
        post(e, "/emulator/v1/rooms/{room}/peers/{peer}/poll-responses", List.of("poll_id", "question", "option", "options", "text"));
        get(e, "/emulator/v1/sessions/{session}/messages");
        post(e, "/emulator/v1/sessions/{session}/peers/{peer}/stats", List.of("audio", "video", "rtt", "jitter"));
        delete(e, "/emulator/v1/sessions/{session}/peers/{peer}/stats");
        post(e, "/emulator/v1/stream-keys/{key}/ingest", List.of("action", "video", "audio"));
        get(e, "/emulator/v1/sip/trunks/{id}");
        get(e, "/emulator/v1/sip/calls/{id}");
        post(e, "/emulator/v1/sip/calls/{id}/hangup", List.of());
        post(e, "/emulator/v1/sip/inbound", List.of("room_code", "from", "video", "headers"));
        // downloads, playback, the gateway, health, and paths nobody serves
        e.add(new Endpoint("GET", "/assets/v1/{id}/{file}", List.of(), List.of("expires", "signature", "sig"), false, false));
        e.add(new Endpoint("HEAD", "/assets/v1/{id}/{file}", List.of(), List.of("expires", "signature"), false, false));
        e.add(new Endpoint("GET", "/hls/v1/{id}/{id}/{file}", List.of(), List.of(), false, false));
        e.add(new Endpoint("HEAD", "/hls/v1/{id}/{id}/{file}", List.of(), List.of(), false, false));
        get(e, "/gateway/v1/peer", "token");
        get(e, "/healthz");
        // the dashboard's page, assets and API (not its live feed: a stream never ends; not /metrics, whose text
        // differs between the back ends and from one scrape to the next, which the comparison would fail)
        e.add(new Endpoint("GET", "/dashboard", List.of(), List.of(), false, false));
        e.add(new Endpoint("GET", "/dashboard/assets/{file}", List.of(), List.of(), false, false));
        post(e, "/dashboard/api/sign-in", List.of("access_key", "secret", "token"));
        post(e, "/dashboard/api/sign-out", List.of());
        get(e, "/dashboard/api/session");
        get(e, "/dashboard/api/webhooks/{id}/attempts");
        get(e, "/v2/nothing-here");
        get(e, "/");
        post(e, "/emulator/v1/reset", List.of());
        return List.copyOf(e);
    }

    private static void get(List<Endpoint> e, String path, String... query) {
        e.add(new Endpoint("GET", path, List.of(), List.of(query), false, true));
    }

    private static void post(List<Endpoint> e, String path, List<String> fields) {
        e.add(new Endpoint("POST", path, fields, List.of(), false, true));
    }

    private static void delete(List<Endpoint> e, String path) {
        e.add(new Endpoint("DELETE", path, List.of(), List.of(), false, true));
    }
}
