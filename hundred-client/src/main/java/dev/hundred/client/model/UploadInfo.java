package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * Storage for recordings: {@code type} s3, gs, oss or azure, the bucket as {@code location}, and its credentials.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record UploadInfo(String type,
                         String location,
                         String prefix,
                         Options options,
                         Credentials credentials,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** The bucket's region. */
    public record Options(String region,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** The bucket's key and secret. */
    public record Credentials(String key,
                              String secret,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
