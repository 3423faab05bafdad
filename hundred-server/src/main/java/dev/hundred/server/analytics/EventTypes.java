package dev.hundred.server.analytics;

import java.util.List;

/** The event types GET /v2/analytics/events serves (spec §13.1), in the order the docs list them. */
final class EventTypes {
    static final String TRACK_ADD = "track.add.success";
    static final String TRACK_UPDATE = "track.update.success";
    static final String TRACK_REMOVE = "track.remove.success";
    static final String BEAM_RECORDING = "beam.recording.success";
    static final String PUBLISH_FAILED = "client.publish.failed";
    static final String SUBSCRIBE_FAILED = "client.subscribe.failed";
    static final String JOIN_FAILED = "client.join.failed";
    static final String DISCONNECTED = "client.disconnected";
    static final String CONNECT_FAILED = "client.connect.failed";

    /** The error events: what {@code error=true} keeps. */
    static final List<String> ERRORS = List.of(PUBLISH_FAILED, SUBSCRIBE_FAILED, JOIN_FAILED, DISCONNECTED,
            CONNECT_FAILED);

    /** Every supported type: the default of {@code type}. */
    static final List<String> ALL = List.of(TRACK_ADD, TRACK_UPDATE, TRACK_REMOVE, BEAM_RECORDING, PUBLISH_FAILED,
            SUBSCRIBE_FAILED, JOIN_FAILED, DISCONNECTED, CONNECT_FAILED);

    private EventTypes() {}

    static boolean isError(String type) {
        return ERRORS.contains(type);
    }

    /** The {@code action} an error event carries when the client names none (error-events.mdx examples). */
    static String defaultAction(String type) {
        return switch (type) {
            case PUBLISH_FAILED -> "PUBLISH";
            case SUBSCRIBE_FAILED -> "SUBSCRIBE";
            case JOIN_FAILED -> "JOIN";
            case DISCONNECTED -> "RECONNECT_SIGNAL";
            case CONNECT_FAILED -> "INIT";
            default -> throw new IllegalArgumentException(type);
        };
    }
}
