package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook replay (spec §13.3), as started ({@code status} started or already_running, {@code message}) and
 * as retrieved (Running, completed, completed_with_failures, failed, Canceled, Terminated; progress, result).
 * Fields the API sends that a record does not name are kept in its {@code extra()}; a field the answer
 * left out is null.
 */
public record ReplayWorkflow(String workflowId,
                             String status,
                             String message,
                             Filters filters,
                             Instant startedAt,
                             Instant completedAt,
                             Counts progress,
                             Counts result,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** Which deliveries the replay sends again. */
    public record Filters(Instant startTime,
                          Instant endTime,
                          String roomId,
                          List<String> eventTypes,
                          Integer limit,
                          Integer offset,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** How many deliveries in all, sent, and failed; {@code failedEvents} in the result only. */
    public record Counts(Integer total,
                         Integer completed,
                         Integer failed,
                         List<Object> failedEvents,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
