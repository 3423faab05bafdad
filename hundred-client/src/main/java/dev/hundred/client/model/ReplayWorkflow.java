package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * A webhook replay (spec §13.3), as started and as retrieved.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record ReplayWorkflow(String workflowId,
                             String status,
                             String message,
                             Map<String, Object> filters,
                             Instant startedAt,
                             Instant completedAt,
                             Map<String, Object> progress,
                             Map<String, Object> result,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
