package dev.hundred.server.templates;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import org.junit.jupiter.api.Test;

/** Every documented range of a role (spec §5.9), one test per family, on template create. */
class RoleRulesApiTest extends ApiTestBase {

    /** Creates a template whose role {@code host} is {@code role}, and expects these problems. */
    private void assertRefused(String role, String... details) {
        assertError(api.post("/v2/templates", "{\"roles\": {\"host\": " + role + "}}"), 400, "Invalid body param",
                details);
    }

    private void assertAccepted(String role) {
        Client.Response response = api.post("/v2/templates", "{\"roles\": {\"host\": " + role + "}}");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    @Test
    void audio_bit_rate_16_to_128_and_opus_only() {
        assertAccepted("{\"publishParams\": {\"audio\": {\"bitRate\": 16}}}");
        assertAccepted("{\"publishParams\": {\"audio\": {\"bitRate\": 128, \"codec\": \"opus\"}}}");
        assertRefused("{\"publishParams\": {\"audio\": {\"bitRate\": 15, \"codec\": \"aac\"}}}",
                "roles.host.publishParams.audio.bitRate must be between 16 and 128",
                "roles.host.publishParams.audio.codec must be opus");
        assertRefused("{\"publishParams\": {\"audio\": {\"bitRate\": 129}}}",
                "roles.host.publishParams.audio.bitRate must be between 16 and 128");
    }

    @Test
    void video_bit_rate_codec_frame_rate_and_size() {
        assertAccepted("{\"publishParams\": {\"video\": {\"bitRate\": 30, \"frameRate\": 1, \"width\": 50, \"height\": 50}}}");
        assertAccepted("{\"publishParams\": {\"video\": {\"bitRate\": 2000, \"frameRate\": 30, \"width\": 1920, \"height\": 1080}}}");
        assertRefused("{\"publishParams\": {\"video\": {\"bitRate\": 2001, \"codec\": \"h264\", \"frameRate\": 31, \"width\": 1921, \"height\": 1081}}}",
                "roles.host.publishParams.video.bitRate must be between 30 and 2000",
                "roles.host.publishParams.video.codec must be vp8",
                "roles.host.publishParams.video.frameRate must be between 1 and 30",
                "roles.host.publishParams.video.height must be between 50 and 1080",
                "roles.host.publishParams.video.width must be between 50 and 1920");
        assertRefused("{\"publishParams\": {\"video\": {\"bitRate\": 29, \"frameRate\": 0, \"width\": 49, \"height\": 49}}}",
                "roles.host.publishParams.video.bitRate must be between 30 and 2000",
                "roles.host.publishParams.video.frameRate must be between 1 and 30",
                "roles.host.publishParams.video.height must be between 50 and 1080",
                "roles.host.publishParams.video.width must be between 50 and 1920");
    }

    @Test
    void screen_bit_rate_at_least_500_and_its_own_sizes() {
        assertAccepted("{\"publishParams\": {\"screen\": {\"bitRate\": 500, \"width\": 480, \"height\": 270}}}");
        assertAccepted("{\"publishParams\": {\"screen\": {\"bitRate\": 8000, \"width\": 1920, \"height\": 1080, \"frameRate\": 30}}}");
        assertRefused("{\"publishParams\": {\"screen\": {\"bitRate\": 499, \"codec\": \"vp9\", \"frameRate\": 31, \"width\": 479, \"height\": 269}}}",
                "roles.host.publishParams.screen.bitRate must be at least 500",
                "roles.host.publishParams.screen.codec must be vp8",
                "roles.host.publishParams.screen.frameRate must be between 1 and 30",
                "roles.host.publishParams.screen.height must be between 270 and 1080",
                "roles.host.publishParams.screen.width must be between 480 and 1920");
    }

    @Test
    void allowed_tracks_are_audio_video_screen_and_simulcast() {
        assertAccepted("{\"publishParams\": {\"allowed\": [\"audio\", \"video\", \"screen\", \"simulcast\"]}}");
        assertAccepted("{\"publishParams\": {\"allowed\": []}}");
        assertRefused("{\"publishParams\": {\"allowed\": [\"audio\", \"data\"]}}",
                "roles.host.publishParams.allowed[1] must be one of audio, video, screen, simulcast");
    }

    @Test
    void simulcast_layers_as_in_the_docs_example_are_accepted_and_echoed() {
        Client.Response response = api.post("/v2/templates", """
                {"roles": {"host": {"publishParams": {"simulcast": {"video": {"layers": [
                  {"rid": "f", "scaleResolutionDownBy": 1, "maxBitrate": 700, "maxFramerate": 25},
                  {"rid": "h", "scaleResolutionDownBy": 2, "maxBitrate": 350, "maxFramerate": 25},
                  {"rid": "q", "scaleResolutionDownBy": 4.5, "maxFramerate": 25}]}, "screen": {}}}}}}""");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        Golden.assertJson(response.json().at("/roles/host/publishParams/simulcast"), """
                {"video": {"layers": [
                  {"rid": "f", "scaleResolutionDownBy": 1, "maxBitrate": 700, "maxFramerate": 25},
                  {"rid": "h", "scaleResolutionDownBy": 2, "maxBitrate": 350, "maxFramerate": 25},
                  {"rid": "q", "scaleResolutionDownBy": 4.5, "maxBitrate": 0, "maxFramerate": 25}]},
                 "screen": {}}""");
    }

    @Test
    void simulcast_layers_at_most_three_f_then_h_then_q_each_scaled_down_further() {
        String layer = "{\"rid\": \"%s\", \"scaleResolutionDownBy\": %s, \"maxFramerate\": 30}";
        assertRefused("{\"publishParams\": {\"simulcast\": {\"video\": {\"layers\": ["
                        + layer.formatted("f", 1) + "," + layer.formatted("h", 2) + "," + layer.formatted("q", 4) + ","
                        + layer.formatted("q", 8) + "]}}}}",
                "roles.host.publishParams.simulcast.video.layers must have at most 3 layers",
                "roles.host.publishParams.simulcast.video.layers[3].rid must come after q (order f, h, q, each once)");
        assertRefused("{\"publishParams\": {\"simulcast\": {\"screen\": {\"layers\": ["
                        + layer.formatted("h", 2) + "," + layer.formatted("f", 1) + "]}}}}",
                "roles.host.publishParams.simulcast.screen.layers[0].rid must be f in the first layer",
                "roles.host.publishParams.simulcast.screen.layers[0].scaleResolutionDownBy must be 1.0 in the first layer",
                "roles.host.publishParams.simulcast.screen.layers[1].rid must come after h (order f, h, q, each once)",
                "roles.host.publishParams.simulcast.screen.layers[1].scaleResolutionDownBy must be greater than in the layer before");
        assertRefused("{\"publishParams\": {\"simulcast\": {\"video\": {\"layers\": ["
                        + layer.formatted("f", 1) + "," + layer.formatted("h", 12.5) + "," + layer.formatted("x", 13) + "]}}}}",
                "roles.host.publishParams.simulcast.video.layers[1].scaleResolutionDownBy must be between 1.0 and 12.0",
                "roles.host.publishParams.simulcast.video.layers[2].rid must be one of f, h, q",
                "roles.host.publishParams.simulcast.video.layers[2].scaleResolutionDownBy must be between 1.0 and 12.0");
        assertRefused("{\"publishParams\": {\"simulcast\": {\"video\": {\"layers\": [{\"maxBitrate\": 2001, \"maxFramerate\": 0}, null]}}}}",
                "roles.host.publishParams.simulcast.video.layers[0].rid is required",
                "roles.host.publishParams.simulcast.video.layers[0].scaleResolutionDownBy is required",
                "roles.host.publishParams.simulcast.video.layers[0].maxBitrate must be between 0 and 2000",
                "roles.host.publishParams.simulcast.video.layers[0].maxFramerate must be between 1 and 30",
                "roles.host.publishParams.simulcast.video.layers[1] must be an object");
        assertRefused("{\"publishParams\": {\"simulcast\": {\"video\": {\"layers\": [{\"rid\": \"f\", \"scaleResolutionDownBy\": 1}]}}}}",
                "roles.host.publishParams.simulcast.video.layers[0].maxFramerate is required");
    }

    @Test
    void subscribe_params_name_roles_of_the_template_and_degradation_stays_in_range() {
        assertAccepted("{\"subscribeParams\": {\"subscribeToRoles\": [], \"maxSubsBitRate\": 0,"
                + " \"subscribeDegradation\": {\"packetLossThreshold\": 1, \"degradeGracePeriodSeconds\": 10, \"recoverGracePeriodSeconds\": 1}}}");
        assertRefused("{\"subscribeParams\": {\"subscribeToRoles\": [\"host\", \"guest\"], \"maxSubsBitRate\": -1,"
                        + " \"subscribeDegradation\": {\"packetLossThreshold\": 101, \"degradeGracePeriodSeconds\": 0, \"recoverGracePeriodSeconds\": 11}}}",
                "roles.host.subscribeParams.subscribeToRoles[1] must name a role of the template, not guest",
                "roles.host.subscribeParams.maxSubsBitRate must not be negative",
                "roles.host.subscribeParams.subscribeDegradation.packetLossThreshold must be between 1 and 100",
                "roles.host.subscribeParams.subscribeDegradation.degradeGracePeriodSeconds must be between 1 and 10",
                "roles.host.subscribeParams.subscribeDegradation.recoverGracePeriodSeconds must be between 1 and 10");
    }

    @Test
    void partial_degradation_keeps_the_other_defaults() {
        Client.Response response = api.post("/v2/templates",
                "{\"roles\": {\"host\": {\"subscribeParams\": {\"subscribeDegradation\": {\"packetLossThreshold\": 25}}}}}");
        Golden.assertJson(response.json().at("/roles/host/subscribeParams/subscribeDegradation"),
                "{\"packetLossThreshold\": 25, \"degradeGracePeriodSeconds\": 1, \"recoverGracePeriodSeconds\": 4}");
    }

    @Test
    void priority_1_to_5_and_max_peer_count_from_minus_1() {
        assertAccepted("{\"priority\": 5, \"maxPeerCount\": -1}");
        assertAccepted("{\"priority\": 1, \"maxPeerCount\": 10000}");
        assertRefused("{\"priority\": 0, \"maxPeerCount\": -2}",
                "roles.host.priority must be between 1 and 5", "roles.host.maxPeerCount must be at least -1");
        assertRefused("{\"priority\": 6}", "roles.host.priority must be between 1 and 5");
    }

    @Test
    void permissions_are_booleans_and_all_keys_are_printed() {
        Client.Response response = api.post("/v2/templates", "{\"roles\": {\"host\": {\"permissions\": {\"endRoom\": true, \"hlsStreaming\": false}}}}");
        Golden.assertJson(response.json().at("/roles/host/permissions"), """
                {"endRoom": true, "removeOthers": false, "mute": false, "unmute": false, "changeRole": false,
                 "sendRoomState": false, "pollRead": false, "pollWrite": false,
                 "browserRecording": true, "rtmpStreaming": true, "hlsStreaming": false}""");
        assertRefused("{\"permissions\": {\"mute\": 1}}");
        assertError(api.post("/v2/templates", "{\"roles\": {\"host\": {\"permissions\": {\"mute\": 1}}}}"), 400,
                "Invalid body param", "roles.host.permissions.mute must be a boolean");
    }
}
