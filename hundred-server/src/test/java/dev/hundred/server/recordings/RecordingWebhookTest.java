package dev.hundred.server.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.webhooks.Receiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recording's webhooks reach a real receiver (a room webhook), in order, in the 2.0 envelope, with
 * every data field in the docs' order as the bytes on the wire show it.
 */
class RecordingWebhookTest extends ApiTestBase {

    private static List<String> types(List<Receiver.Hit> hits) {
        return hits.stream().map(h -> h.json().path("type").asText()).toList();
    }

    @Test
    void a_transcribed_recording_sends_beam_and_transcription_webhooks_in_order() {
        try (Receiver receiver = Receiver.ok()) {
            String room = Live.room(api, Map.of("name", "hooked", "webhook", Map.of("url", receiver.url())));
            String ann = Live.join(api, room, "host", "Ann").path("id").asText();
            String id = Recs.start(api, room, Map.of("transcription", Map.of("enabled", true, "output_modes", List.of("txt"),
                    "summary", Map.of("enabled", true)))).path("id").asText();
            Recs.awaitStatus(api, id, "running");
            assertThat(api.post("/emulator/v1/rooms/" + room + "/peers/" + ann + "/speech",
                    Map.of("text", "Recorded words.", "duration_seconds", 1)).status()).isEqualTo(200);
            Recs.stop(api, id);
            List<Receiver.Hit> hits = receiver.awaitUntil(h -> types(h).contains("transcription.success"),
                    Duration.ofSeconds(20), "transcription.success");
            assertThat(types(hits).stream().filter(t -> t.startsWith("beam.") || t.startsWith("transcription.")).toList())
                    .containsExactly("beam.started.success", "beam.stopped.success", "beam.recording.success",
                            "transcription.started.success", "transcription.success");
            Receiver.Hit recorded = hits.stream().filter(h -> h.json().path("type").asText().equals("beam.recording.success"))
                    .findFirst().orElseThrow();
            JsonNode envelope = recorded.json();
            assertThat(envelope.path("version").asText()).isEqualTo("2.0");
            assertThat(envelope.path("app_id").asText()).isEqualTo(api.workspace().id());
            assertThat(envelope.path("account_id").asText()).isEqualTo(api.workspace().customerId());
            JsonNode data = envelope.path("data");
            assertThat(Recs.keys(data)).containsExactly("beam_id", "room_id", "peer_id", "metadata_id", "metadata_timestamp",
                    "session_id", "template_id", "created_at", "duration", "location", "started_at", "stopped_at",
                    "max_width", "max_height", "recording_id", "recording_path", "recording_presigned_url",
                    "chat_recording_path", "chat_recording_presigned_url", "meeting_url", "rtmp", "session_started_at",
                    "size");
            assertThat(data.path("rtmp").isArray()).isTrue();
            assertThat(data.path("rtmp").size()).isZero();
            assertThat(data.path("recording_id").asText()).isEqualTo(id);
            byte[] mp4 = Download.of(data.path("recording_presigned_url").asText()).bytes();
            assertThat((long) mp4.length).isEqualTo(data.path("size").asLong());
            assertThat(new Mp4Reader(mp4).tracks()).contains(new Mp4Reader.Track("vide", 1280, 720));

            JsonNode done = hits.stream().filter(h -> h.json().path("type").asText().equals("transcription.success"))
                    .findFirst().orElseThrow().json().path("data");
            assertThat(Recs.keys(done)).containsExactly("account_id", "app_id", "recording_id", "room_id", "room_name",
                    "session_id", "metadata_id", "transcription_id", "metadata_timestamp", "duration",
                    "summary_json_asset_id", "summary_json_path", "summary_json_presigned_url",
                    "transcript_json_asset_id", "transcript_json_path", "transcript_json_presigned_url",
                    "transcript_srt_asset_id", "transcript_srt_path", "transcript_srt_presigned_url",
                    "transcript_txt_asset_id", "transcript_txt_path", "transcript_txt_presigned_url");
            assertThat(done.path("transcript_srt_asset_id").asText()).isEmpty();
            assertThat(done.path("room_name").asText()).isEqualTo("hooked");
            assertThat(Download.of(done.path("transcript_txt_presigned_url").asText()).text())
                    .isEqualTo("Ann: Recorded words.\n");
        }
    }
}
