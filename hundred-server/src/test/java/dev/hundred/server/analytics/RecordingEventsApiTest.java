package dev.hundred.server.analytics;

import static dev.hundred.server.analytics.AnalyticsCalls.page;
import static dev.hundred.server.analytics.AnalyticsCalls.publishRecording;
import static dev.hundred.server.analytics.AnalyticsCalls.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.ApiTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * beam.recording.success (recording-events.mdx) taken from the webhook stream: the recordings feature
 * publishes the webhook as a RoomEvent; this test publishes it itself, as that feature will.
 */
class RecordingEventsApiTest extends ApiTestBase {

    @Test
    void a_beam_recording_webhook_becomes_a_recording_event_with_the_documented_fields() {
        String room = Live.room(api);
        String session = "63bbb18057b67ff2f92480b4";
        Map<String, Object> webhook = publishRecording(api, room, session, "63bbb18fac740d9e9da5b4e9");

        JsonNode page = page(api, "room_id=" + room, "type=beam.recording.success");
        assertThat(page.path("total").asInt()).isEqualTo(1);
        JsonNode event = page.path("events").get(0);
        assertThat(event.path("type").asText()).isEqualTo("beam.recording.success");
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("timestamp").asText()).isEqualTo(Timestamps.format((Instant) webhook.get("created_at")));
        JsonNode data = event.path("data");
        // the webhook's metadata_*, recording_id and chat_* fields are not part of the analytics event
        assertThat(TrackEventsApiTest.fields(data)).containsExactly("beam_id", "room_id", "session_id", "peer_id",
                "template_id", "created_at", "duration", "location", "started_at", "stopped_at", "max_width",
                "max_height", "recording_path", "recording_presigned_url", "meeting_url", "rtmp",
                "session_started_at", "size");
        assertThat(data.path("beam_id").asText()).isEqualTo("63bbb18fac740d9e9da5b4e9");
        assertThat(data.path("room_id").asText()).isEqualTo(room);
        assertThat(data.path("session_id").asText()).isEqualTo(session);
        assertThat(data.path("duration").isInt()).isTrue();
        assertThat(data.path("duration").asInt()).isEqualTo(33);
        assertThat(data.path("started_at").asText()).isEqualTo(Timestamps.format((Instant) webhook.get("started_at")));
        assertThat(data.path("max_width").asInt()).isEqualTo(1280);
        assertThat(data.path("rtmp").toString()).isEqualTo("[{\"url\":\"rtmp://example.test/live\"}]");
        assertThat(data.path("size").asLong()).isEqualTo(15316104L);
        assertThat(data.path("recording_presigned_url").asText()).isEqualTo("https://example.test/ac.mp4?sig=1");
    }

    @Test
    void fields_the_webhook_lacks_are_left_out_and_other_webhooks_are_not_events() {
        String room = Live.room(api);
        Instant now = api.server().clock().instant();
        api.server().database().tx(h -> {
            api.server().events().publish(h, new RoomEvent(api.workspace(), room, "beam.recording.success",
                    Map.of("beam_id", "b1", "room_id", room, "size", 10), now));
            api.server().events().publish(h, new RoomEvent(api.workspace(), room, "beam.started.success",
                    Map.of("beam_id", "b1", "room_id", room), now));
            api.server().events().publish(h, new RoomEvent(api.workspace(), room, "hls.recording.success",
                    Map.of("beam_id", "b2", "room_id", room), now));
            return null;
        });
        JsonNode page = page(api, "room_id=" + room);
        assertThat(types(page)).containsExactly("beam.recording.success");
        assertThat(TrackEventsApiTest.fields(page.path("events").get(0).path("data")))
                .containsExactly("beam_id", "room_id", "size");
    }

    @Test
    void beam_id_picks_one_recording_and_no_other_kind_of_event() {
        String room = Live.room(api);
        AnalyticsCalls.join(api, room, "host", "Ann", List.of(AnalyticsCalls.track("audio", "regular", false)));
        publishRecording(api, room, "s1", "beam-one");
        publishRecording(api, room, "s1", "beam-two");
        JsonNode one = page(api, "room_id=" + room, "beam_id=beam-one");
        assertThat(types(one)).containsExactly("beam.recording.success");
        assertThat(one.path("events").get(0).path("data").path("beam_id").asText()).isEqualTo("beam-one");
        assertThat(page(api, "room_id=" + room, "beam_id=nope").path("total").asInt()).isZero();
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isEqualTo(3);
    }

    @Test
    void a_recording_that_rolls_back_leaves_no_event() {
        String room = Live.room(api);
        try {
            api.server().database().tx(h -> {
                api.server().events().publish(h, new RoomEvent(api.workspace(), room, "beam.recording.success",
                        Map.of("beam_id", "b1", "room_id", room), api.server().clock().instant()));
                throw new IllegalStateException("the recording's change failed");
            });
        } catch (IllegalStateException expected) {
            // its event went with it
        }
        assertThat(page(api, "room_id=" + room).path("total").asInt()).isZero();
    }
}
