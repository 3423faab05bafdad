package dev.hundred.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/** The answers of the replay endpoints (spec §13.3), exactly. */
public final class Replay {
    private Replay() {}

    /** {@code limit} and {@code offset} appear in the status answer only. */
    @JsonPropertyOrder({"start_time", "end_time", "room_id", "event_types", "limit", "offset"})
    public record Filters(Instant startTime, Instant endTime, String roomId, List<String> eventTypes,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer limit,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer offset) {
        Filters withoutPaging() {
            return new Filters(startTime, endTime, roomId, eventTypes, null, null);
        }
    }

    /** {@code status}: started, or already_running when identical filters have a replay in progress. */
    public record Started(String workflowId, String status, String message, Filters filters) {}

    public record Counts(long total, long completed, long failed) {}

    public record Result(long total, long completed, long failed, List<String> failedEvents) {}

    /** {@code status}: Running, completed, completed_with_failures or failed (the docs' spelling). */
    public record Status(String workflowId, String status, Instant startedAt, Instant completedAt, Filters filters,
                         Counts progress, Result result) {}
}
