package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A question of a poll; {@code index} is 1-based. {@code attachment} stays a tree: the docs describe it as
 * a list of URLs and show a list of {@code {type, url}} objects.
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
                           Answer answer,
                           List<PollOption> options,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /**
     * The right answer: option indexes (choice questions) or {@code text} (compared as {@code caseSensitive}
     * and {@code trim} say); {@code hidden} keeps it from peers.
     */
    public record Answer(Boolean hidden,
                         List<Integer> options,
                         String text,
                         @JsonProperty("case") Boolean caseSensitive,
                         Boolean trim,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
