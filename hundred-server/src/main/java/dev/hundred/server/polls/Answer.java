package dev.hundred.server.polls;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The right answer of a question (spec §14.1): the indexes of the correct options, or the text, compared
 * ignoring case unless {@code case} is true, and without surrounding spaces when {@code trim} is true.
 * {@code hidden}: peers are not shown it while the poll runs.
 */
public record Answer(
        Boolean hidden,
        List<Integer> options,
        String text,
        @JsonProperty("case") Boolean caseSensitive,
        Boolean trim) {}
