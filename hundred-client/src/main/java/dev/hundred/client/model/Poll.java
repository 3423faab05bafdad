package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;

/**
 * A poll or quiz (spec §14.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Poll(String id,
                   String title,
                   Integer duration,
                   Boolean anonymous,
                   String mode,
                   String type,
                   String start,
                   List<PollQuestion> questions,
                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
