package dev.hundred.server.polls;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One answer to one question (spec §14.2), keys in the docs' order. The docs' example answers a text
 * question and shows no chosen options; the options chosen appear as the client SDKs name them,
 * {@code option} (single-choice) or {@code options} (multiple-choice), left out otherwise. {@code update}:
 * it replaces an earlier answer of the same participant, {@code original_response} (that answer's id,
 * {@code ""} for a first answer); {@code retries}: how many answers it replaces. {@code duration}: the
 * milliseconds the participant took (as the client says, else since the poll started). Anonymous polls
 * keep {@code peer_id} and {@code user_id} empty.
 */
public record PollResponse(
        String id,
        String pollId,
        String sessionId,
        long duration,
        int question,
        boolean skipped,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer option,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> options,
        String text,
        boolean update,
        String originalResponse,
        int retries,
        Instant sentAt,
        String peerId,
        String userId,
        @JsonIgnore String runId,
        @JsonIgnore String participant) {}
