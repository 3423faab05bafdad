package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A question of a poll; {@code index} is 1-based.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record PollQuestion(Integer index,
                           String text,
                           String format,
                           JsonNode attachment,
                           Boolean skippable,
                           Integer duration,
                           Boolean once,
                           Integer weight,
                           Integer answerMinLen,
                           Integer answerMaxLen,
                           String type,
                           JsonNode answer,
                           List<PollOption> options,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
