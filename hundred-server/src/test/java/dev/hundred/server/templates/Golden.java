package dev.hundred.server.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.support.Client;

/**
 * Exact JSON expectations for templates: key order and number spelling count ({@code 1} is not
 * {@code 1.0}), because clients compare what the cloud prints.
 */
final class Golden {
    private Golden() {}

    /** The role every template gets for {@code {}}, as the spec's tables define it, subscribing to {@code roles}. */
    static String defaultRole(String name, String permissions, String... roles) {
        return """
                {"name": "%s",
                 "publishParams": {
                   "allowed": ["audio", "video", "screen"],
                   "audio": {"bitRate": 32, "codec": "opus"},
                   "video": {"bitRate": 256, "codec": "vp8", "frameRate": 25, "width": 320, "height": 180},
                   "screen": {"bitRate": 1024, "codec": "vp8", "frameRate": 10, "width": 1280, "height": 720},
                   "simulcast": {"video": {}, "screen": {}}},
                 "subscribeParams": {
                   "subscribeToRoles": [%s],
                   "maxSubsBitRate": 3200,
                   "subscribeDegradation": {"packetLossThreshold": 50, "degradeGracePeriodSeconds": 1, "recoverGracePeriodSeconds": 4}},
                 "permissions": %s,
                 "priority": 1,
                 "maxPeerCount": 0}
                """.formatted(name, roles.length == 0 ? "" : "\"" + String.join("\", \"", roles) + "\"", permissions);
    }

    static final String GUEST_PERMISSIONS = """
            {"endRoom": false, "removeOthers": false, "mute": false, "unmute": false, "changeRole": false,
             "sendRoomState": false, "pollRead": false, "pollWrite": false,
             "browserRecording": true, "rtmpStreaming": true, "hlsStreaming": true}""";

    static final String HOST_PERMISSIONS = """
            {"endRoom": true, "removeOthers": true, "mute": true, "unmute": true, "changeRole": true,
             "sendRoomState": false, "pollRead": true, "pollWrite": true,
             "browserRecording": true, "rtmpStreaming": true, "hlsStreaming": true}""";

    static final String DEFAULT_SETTINGS = """
            {"region": "auto", "recording": null,
             "roomState": {"messageInterval": 5, "sendPeerList": false, "stopRoomStateOnJoin": true, "enabled": false},
             "retry": {}}""";

    static JsonNode parse(String json) {
        try {
            return Client.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad expectation: " + json, e);
        }
    }

    /** Same keys in the same order, same values spelt the same way. */
    static void assertJson(JsonNode actual, String expected) {
        assertThat(compact(actual)).isEqualTo(compact(parse(expected)));
    }

    /** {@code actual} without the keys whose values a test cannot know (ids, times, customer). */
    static JsonNode withoutVolatile(JsonNode template) {
        ObjectNode copy = template.deepCopy();
        copy.remove(java.util.List.of("id", "_id", "customerId", "customer", "appId", "createdAt", "updatedAt"));
        return copy;
    }

    private static String compact(JsonNode node) {
        try {
            return Client.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
