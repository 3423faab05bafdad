package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of ingest.start.success, ingest.end.success, ingest.start.failure, ingest.failure (RTMP in) (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record IngestEventData(String accountId,
                              String appId,
                              String ingestId,
                              String roomId,
                              String templateId,
                              String streamId,
                              Instant startedAt,
                              Instant completedAt,
                              Long duration,
                              Instant lastDisconnectedAt,
                              String reason,
                              String errorMessage,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
