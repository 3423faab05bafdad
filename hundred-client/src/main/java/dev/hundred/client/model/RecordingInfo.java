package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * A room's {@code recording_info} (spec §3.6): SFU recording and where its files go.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record RecordingInfo(Boolean enabled,
                            UploadInfo uploadInfo,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
