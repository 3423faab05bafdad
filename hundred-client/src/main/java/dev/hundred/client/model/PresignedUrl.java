package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * A time-limited download link for an asset (spec §9.2); {@code expiry} in seconds.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record PresignedUrl(String id,
                           String path,
                           String url,
                           Long expiry,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
