package dev.hundred.server.recordings;

import static dev.hundred.server.recordings.FrozenServers.json;
import static dev.hundred.server.recordings.FrozenServers.map;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Post-call transcription (spec §8.2, §15, §17.4) on a frozen clock: the transcript and summary assets
 * appear processing at completion and complete after 20 percent of the recording's duration, made from the
 * speaking turns given through the emulator; the transcription webhooks field by field; the emulator's
 * controls and the speech call's refusals.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class RecordingTranscriptionTest {
    static final String BODY = """
            {"transcription": {"enabled": true, "output_modes": ["txt", "srt", "json"],
              "summary": {"enabled": true, "context": "a stand-up",
                "sections": [{"title": "Key Points", "format": "bullets"}, {"title": "Short Summary", "format": "paragraph"}]}}}""";

    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        api = FrozenServers.frozenClient(backend);
    }

    private void cloudPace() {
        assertThat(api.post("/emulator/v1/settings", Map.of("transcription", Map.of("max_seconds", 86400))).status())
                .isEqualTo(200);
    }

    private JsonNode say(String room, String peer, String text, double seconds) {
        Client.Response r = api.post("/emulator/v1/rooms/" + room + "/peers/" + peer + "/speech",
                Map.of("text", text, "duration_seconds", seconds));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonNode> assets(JsonNode recording, String type) {
        List<JsonNode> out = new ArrayList<>();
        recording.path("recording_assets").forEach(a -> {
            if (a.path("type").asText().equals(type)) {
                out.add(a);
            }
        });
        return out;
    }

    private static JsonNode transcript(JsonNode recording, String mode) {
        return assets(recording, "transcript").stream().filter(a -> a.at("/metadata/output_mode").asText().equals(mode))
                .findFirst().orElseThrow();
    }

    @Test
    void transcripts_and_summary_complete_after_a_fifth_of_the_recording() throws Exception {
        cloudPace();
        Instant t0 = FrozenServers.now(api);
        String room = Live.room(api, Map.of("name", "standup"));
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String bob = Live.join(api, room, "guest", "Bob").path("id").asText();
        say(room, ann, "Before the recording.", 1);
        JsonNode started = Recs.start(api, room, BODY);
        String id = started.path("id").asText();
        api.advanceClock(5.2);
        JsonNode said = say(room, ann, "Hello everyone, welcome.", 3);
        assertThat(Recs.keys(said)).containsExactly("id", "room_id", "session_id", "peer_id", "name", "text", "started_at",
                "duration_seconds");
        assertThat(said.path("started_at").asText()).isEqualTo(Timestamps.format(t0.plusMillis(5200)));
        assertThat(said.path("name").asText()).isEqualTo("Ann");
        api.advanceClock(4);
        say(room, bob, "Thanks Ann.", 2);
        api.advanceClock(41);
        Recs.stop(api, id);
        api.advanceClock(0.5); // stopped at 50.4 s, completed at 50.7 s: 50.2 s recorded

        JsonNode done = Recs.get(api, id);
        assertThat(done.path("recording_assets")).extracting(a -> a.path("type").asText() + ":" + a.path("status").asText())
                .containsExactly("room-composite:completed", "chat:completed", "transcript:processing",
                        "transcript:processing", "transcript:processing", "summary:processing");
        assertThat(assets(done, "transcript")).extracting(a -> a.at("/metadata/output_mode").asText())
                .containsExactly("txt", "srt", "json");
        assertThat(assets(done, "summary").get(0).at("/metadata/output_mode").asText()).isEqualTo("json");
        assertThat(transcript(done, "txt").path("size").asLong()).isZero();
        assertThat(transcript(done, "txt").path("duration").asInt()).isEqualTo(50);

        String txt = transcript(done, "txt").path("id").asText();
        String srt = transcript(done, "srt").path("id").asText();
        String jsonId = transcript(done, "json").path("id").asText();
        String summary = assets(done, "summary").get(0).path("id").asText();
        RoomEvent begun = FrozenServers.events(api, "transcription.started.success").get(0);
        String transcriptionId = (String) begun.data().get("transcription_id");
        String metadataId = (String) begun.data().get("metadata_id");
        assertThat(transcriptionId).matches("[0-9a-f]{24}");
        assertThat(metadataId).matches("[0-9a-f-]{36}");
        Map<String, Object> head = map("account_id", api.workspace().customerId(), "app_id", api.workspace().id(),
                "recording_id", id, "room_id", room, "room_name", "standup", "session_id", started.path("session_id").asText(),
                "metadata_id", metadataId, "transcription_id", transcriptionId);
        Map<String, Object> expectedStart = new java.util.LinkedHashMap<>(head);
        expectedStart.putAll(map("metadata_timestamp", t0.plusMillis(50_700), "duration", 50,
                "summary_json_asset_id", summary, "transcript_json_asset_id", jsonId, "transcript_srt_asset_id", srt,
                "transcript_txt_asset_id", txt));
        assertThat(json(begun.data())).isEqualTo(json(expectedStart));
        assertThat(FrozenServers.types(api)).containsSubsequence("beam.recording.success", "transcription.started.success");

        api.advanceClock(10.03); // 20 % of 50.2 s is 10.04 s
        assertThat(transcript(Recs.get(api, id), "txt").path("status").asText()).isEqualTo("processing");
        api.advanceClock(0.01);
        JsonNode transcribed = Recs.get(api, id);
        assertThat(transcribed.path("recording_assets")).extracting(a -> a.path("status").asText()).containsOnly("completed");

        assertThat(Download.asset(api, txt).text()).isEqualTo("Ann: Hello everyone, welcome.\n\nBob: Thanks Ann.\n");
        assertThat(Download.asset(api, srt).text()).isEqualTo("1\n00:00:05,000 --> 00:00:08,000\nAnn: Hello everyone, welcome.\n"
                + "\n2\n00:00:09,000 --> 00:00:11,000\nBob: Thanks Ann.\n");
        JsonNode words = Client.JSON.readTree(Download.asset(api, jsonId).bytes());
        assertThat(words.at("/sentences/0/sentence").asText()).isEqualTo("Hello everyone, welcome.");
        assertThat(words.at("/sentences/0/peer_id").asText()).isEqualTo(ann);
        assertThat(words.at("/sentences/1/start_time").asText()).isEqualTo("9000");
        assertThat(words.at("/sentences/1/end_time").asText()).isEqualTo("11000");
        assertThat(words.at("/words/0/word").asText()).isEqualTo("Hello");
        Download.File summaryFile = Download.asset(api, summary);
        assertThat(summaryFile.contentType()).startsWith("application/json");
        JsonNode sections = Client.JSON.readTree(summaryFile.bytes()).at("/summary/sections");
        assertThat(sections).extracting(s -> s.path("title").asText()).containsExactly("Key Points", "Short Summary");
        assertThat(transcript(transcribed, "txt").path("size").asLong()).isEqualTo(Download.asset(api, txt).bytes().length);

        RoomEvent success = FrozenServers.events(api, "transcription.success").get(0);
        Map<String, Object> d = success.data();
        Map<String, Object> expected = new java.util.LinkedHashMap<>(head);
        expected.put("metadata_timestamp", t0.plusMillis(60_740));
        expected.put("duration", 50);
        for (String[] out : new String[][] {{"summary_json", summary}, {"transcript_json", jsonId},
                {"transcript_srt", srt}, {"transcript_txt", txt}}) {
            expected.put(out[0] + "_asset_id", out[1]);
            expected.put(out[0] + "_path", api.get("/v2/recording-assets/" + out[1]).at("/path"));
            expected.put(out[0] + "_presigned_url", d.get(out[0] + "_presigned_url"));
            assertThat((String) d.get(out[0] + "_presigned_url")).startsWith(api.server().publicUrl() + "/assets/v1/" + out[1] + "/");
        }
        assertThat(json(d)).isEqualTo(json(expected));
        assertThat(Download.of((String) d.get("transcript_txt_presigned_url")).text()).startsWith("Ann: Hello");
        assertThat(FrozenServers.types(api)).doesNotContain("transcription.failure");
    }

    @Test
    void the_emulator_fails_or_finishes_a_transcription_now() {
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String id = Recs.start(api, room, Map.of("transcription", Map.of("enabled", true, "output_modes", List.of("txt")))).path("id").asText();
        assertError(api.post("/emulator/v1/recordings/" + id + "/transcription/fail", null), 400, "Invalid request",
                "the transcription starts once the recording has completed");
        api.advanceClock(5);
        Recs.stop(api, id);
        api.advanceClock(0.5);
        JsonNode failed = api.post("/emulator/v1/recordings/" + id + "/transcription/fail", null).json();
        assertThat(transcript(failed, "txt").path("status").asText()).isEqualTo("failed");
        RoomEvent failure = FrozenServers.events(api, "transcription.failure").get(0);
        assertThat(failure.data().keySet()).containsExactly("account_id", "app_id", "recording_id", "room_id", "room_name",
                "session_id", "metadata_id", "transcription_id", "metadata_timestamp", "duration", "summary_json_asset_id",
                "transcript_json_asset_id", "transcript_srt_asset_id", "transcript_txt_asset_id");
        assertThat(failure.data().get("transcript_txt_asset_id")).isEqualTo(transcript(failed, "txt").path("id").asText());
        assertThat(failure.data().get("summary_json_asset_id")).isEqualTo("");
        assertError(api.post("/emulator/v1/recordings/" + id + "/transcription/advance", null), 400, "Invalid request",
                "the transcription has finished");
        api.advanceClock(60); // its timer is gone: nothing more happens
        assertThat(FrozenServers.types(api)).doesNotContain("transcription.success");

        String other = Live.room(api);
        Live.join(api, other, "host", "Bob");
        String second = Recs.start(api, other, Map.of("transcription", Map.of("enabled", true))).path("id").asText();
        api.advanceClock(3);
        Recs.stop(api, second);
        api.advanceClock(0.5);
        JsonNode finished = api.post("/emulator/v1/recordings/" + second + "/transcription/advance", null).json();
        assertThat(assets(finished, "transcript")).extracting(a -> a.path("status").asText()).containsOnly("completed");
        assertThat(FrozenServers.events(api, "transcription.success")).hasSize(1);

        String plain = Live.room(api);
        String untranscribed = Recs.start(api, plain).path("id").asText();
        assertError(api.post("/emulator/v1/recordings/" + untranscribed + "/transcription/advance", null), 404,
                "Transcription not found", "the recording was not transcribed");
        assertError(api.post("/emulator/v1/recordings/000000000000000000000000/transcription/fail", null), 404,
                "Recording not found");
        assertError(Client.forNewWorkspace(api.server()).post("/emulator/v1/recordings/" + second + "/transcription/fail",
                null), 404, "Recording not found");
    }

    @Test
    void the_templates_recorded_transcription_is_the_default() {
        String template = api.post("/v2/templates", "{\"roles\": {\"host\": {}}}").at("/id");
        assertThat(api.post("/v2/templates/" + template + "/destinations", """
                {"transcriptions": {"notes": {"name": "notes", "role": "host", "modes": ["recorded"], "outputModes": ["srt"],
                  "summary": {"enabled": true, "sections": [{"title": "Speakers", "format": "bullets"}]}}}}""").status())
                .isEqualTo(200);
        String room = Live.room(api, Map.of("template_id", template));
        Live.join(api, room, "host", "Ann");
        JsonNode r = Recs.start(api, room, Map.of("meeting_url", "https://example.com/m"));
        assertThat(Recs.texts(r.path("asset_types"))).containsExactly("room-composite", "chat", "transcript", "summary");
        String id = r.path("id").asText();
        api.advanceClock(3);
        Recs.stop(api, id);
        api.advanceClock(0.5);
        assertThat(assets(Recs.get(api, id), "transcript")).extracting(a -> a.at("/metadata/output_mode").asText())
                .containsExactly("srt");
        api.advanceClock(1); // the fast default: at most a second
        JsonNode summary = assets(Recs.get(api, id), "summary").get(0);
        assertThat(summary.path("status").asText()).isEqualTo("completed");
        // the body wins over the template
        String other = Live.room(api, Map.of("template_id", template));
        JsonNode off = Recs.start(api, other, Map.of("meeting_url", "https://example.com/m",
                "transcription", Map.of("enabled", false)));
        assertThat(Recs.texts(off.path("asset_types"))).containsExactly("room-composite", "chat");
    }

    @Test
    void transcription_settings_have_presets_and_limits() {
        JsonNode defaults = api.get("/emulator/v1/settings").json().path("transcription");
        assertThat(json(Client.JSON.convertValue(defaults, Map.class)))
                .isEqualTo("{\"duration_ratio\":0.2,\"min_seconds\":0.0,\"max_seconds\":1.0}");
        JsonNode cloud = api.post("/emulator/v1/settings", Map.of("transcription", Map.of("preset", "cloud"))).json();
        assertThat(cloud.at("/transcription/min_seconds").asDouble()).isEqualTo(300.0);
        assertError(api.post("/emulator/v1/settings", Map.of("transcription", Map.of("duration_ratio", -0.1))), 400,
                "Invalid body param", "transcription.duration_ratio must be a number from 0 to 10");
        assertError(api.post("/emulator/v1/settings", Map.of("transcription", Map.of("min_seconds", 10, "max_seconds", 5))),
                400, "Invalid body param", "transcription.min_seconds must not be more than max_seconds");
        assertError(api.post("/emulator/v1/settings", Map.of("transcription", Map.of("max_seconds", 1e9))), 400,
                "Invalid body param", "transcription.max_seconds must be a number of seconds from 0 to 86400");
        assertError(api.post("/emulator/v1/settings", Map.of("transcription", Map.of("preset", "slow"))), 400,
                "Invalid body param", "transcription.preset must be cloud or fast");

        // the cloud's pace: 5 minutes at least
        String room = Live.room(api);
        Live.join(api, room, "host", "Ann");
        String id = Recs.start(api, room, Map.of("transcription", Map.of("enabled", true))).path("id").asText();
        api.advanceClock(10);
        Recs.stop(api, id);
        api.advanceClock(0.5);
        api.advanceClock(299.9);
        assertThat(transcript(Recs.get(api, id), "txt").path("status").asText()).isEqualTo("processing");
        api.advanceClock(0.1);
        assertThat(transcript(Recs.get(api, id), "txt").path("status").asText()).isEqualTo("completed");
    }

    @Test
    void speech_needs_a_connected_peer_and_text() {
        String room = Live.room(api);
        String ann = Live.join(api, room, "host", "Ann").path("id").asText();
        String speech = "/emulator/v1/rooms/" + room + "/peers/" + ann + "/speech";
        assertError(api.post(speech, Map.of()), 400, "Invalid body param", "text is required");
        assertError(api.post(speech, Map.of("text", "  ")), 400, "Invalid body param", "text is required");
        assertError(api.post(speech, Map.of("text", "x".repeat(10_001))), 400, "Invalid body param",
                "text must be at most 10000 characters");
        assertError(api.post(speech, Map.of("text", "a\u0000b")), 400, "Invalid body param",
                "text must not contain NUL characters");
        assertError(api.post(speech, Map.of("text", "hi", "duration_seconds", 0)), 400, "Invalid body param",
                "duration_seconds must be more than 0 and at most 3600");
        assertError(api.post(speech, Map.of("text", "hi", "duration_seconds", 3601)), 400, "Invalid body param",
                "duration_seconds must be more than 0 and at most 3600");
        assertError(api.post(speech, "{\"text\": 5}"), 400, "Invalid body param", "text must be a string");
        assertThat(api.post(speech, Map.of("text", "one two three four five six")).json().path("duration_seconds").asDouble())
                .isEqualTo(3.0);
        assertError(api.post("/emulator/v1/rooms/" + room + "/peers/00000000-0000-4000-8000-000000000000/speech",
                Map.of("text", "hi")), 404, "Peer not found");
        String beam = Recs.start(api, room).path("id").asText();
        String beamPeer = api.server().jobs().find(api.workspace(), beam).orElseThrow().beamPeerId();
        assertError(api.post("/emulator/v1/rooms/" + room + "/peers/" + beamPeer + "/speech", Map.of("text", "hi")), 404,
                "Peer not found");
        Live.leave(api, room, ann);
        assertError(api.post(speech, Map.of("text", "hi")), 404, "Peer not found");
        assertError(api.post("/emulator/v1/rooms/000000000000000000000000/peers/" + ann + "/speech", Map.of("text", "hi")),
                404, "Room not found");
    }
}
