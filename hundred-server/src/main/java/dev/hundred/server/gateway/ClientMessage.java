package dev.hundred.server.gateway;

import dev.hundred.server.activerooms.Bodies;
import dev.hundred.server.polls.ResponseBody;
import java.util.List;

/**
 * A message from a client on the gateway (docs/gateway.md): {@code type} says what it asks, and
 * {@code request_id}, when sent, comes back on the reply. Fields a type does not use are ignored.
 */
record ClientMessage(
        String type,
        String requestId,
        String name,
        String metadata,
        List<Bodies.TrackBody> tracks,
        String message,
        String messageType,
        String peerId,
        String role,
        Bodies.TrackBody track,
        String trackId,
        Boolean mute,
        String pollId,
        Integer question,
        Integer option,
        List<Integer> options,
        String text,
        Boolean skipped,
        Integer duration) {

    /** The answer of a {@code poll-response} (docs/gateway.md, Polls). */
    ResponseBody pollResponse() {
        return new ResponseBody(pollId, question, option, options, text, skipped, duration);
    }
}
