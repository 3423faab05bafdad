package dev.hundred.server.polls;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A question of a poll (spec §14.1), also the body of the question rewrite. {@code attachment} is kept as
 * sent: the docs' table calls it a list of URLs and their example sends {@code [{"type","url"}]} objects
 * (spec §19.13), so both are accepted. {@code answer} is left out when none was given.
 */
public record Question(
        Integer index,
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
        @JsonInclude(JsonInclude.Include.NON_NULL) Answer answer,
        List<Option> options) {

    public static final String SINGLE_CHOICE = "single-choice";
    public static final String MULTIPLE_CHOICE = "multiple-choice";
    public static final String SHORT_ANSWER = "short-answer";
    public static final String LONG_ANSWER = "long-answer";

    boolean isChoice() {
        return SINGLE_CHOICE.equals(type) || MULTIPLE_CHOICE.equals(type);
    }

    Question withIndex(int newIndex) {
        return new Question(newIndex, text, format, attachment, skippable, duration, once, weight, answerMinLen,
                answerMaxLen, type, answer, options);
    }

    Question withOptions(List<Option> newOptions, Answer newAnswer) {
        return new Question(index, text, format, attachment, skippable, duration, once, weight, answerMinLen,
                answerMaxLen, type, newAnswer, newOptions);
    }

    Question forPeers() {
        return answer != null && Boolean.TRUE.equals(answer.hidden()) ? withOptions(options, null) : this;
    }

    /** The option with this 1-based index, if there is one. */
    Optional<Option> option(int optionIndex) {
        return optionIndex >= 1 && optionIndex <= options.size() ? Optional.of(options.get(optionIndex - 1))
                : Optional.empty();
    }
}
