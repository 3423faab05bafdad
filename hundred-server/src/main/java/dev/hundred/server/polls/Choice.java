package dev.hundred.server.polls;

import dev.hundred.server.http.ApiError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an answer says, checked against its question: skipped, or the option chosen (single-choice), the
 * options chosen (multiple-choice) or the text (short and long answers). Fields a question's type does not
 * use are ignored, as unknown fields are.
 */
record Choice(boolean skipped, Integer option, List<Integer> options, String text) {
    /** The longest a participant can take over a question, in milliseconds: a session's 12 h. */
    static final int MAX_DURATION_MS = PollRules.MAX_SECONDS * 1000;

    static Choice of(Question q, ResponseBody body) {
        if (Boolean.TRUE.equals(body.skipped())) {
            if (!q.skippable()) {
                throw PollErrors.notSkippable(q.index());
            }
            return new Choice(true, null, null, "");
        }
        return switch (q.type()) {
            case Question.SINGLE_CHOICE -> new Choice(false, single(q, body), null, "");
            case Question.MULTIPLE_CHOICE -> new Choice(false, null, multiple(q, body), "");
            default -> new Choice(false, null, null, text(q, body.text()));
        };
    }

    private static Integer single(Question q, ResponseBody body) {
        Integer option = body.option();
        if (option == null && body.options() != null && body.options().size() == 1) {
            option = body.options().get(0);
        }
        if (option == null) {
            throw ApiError.badBody("option is required: question " + q.index() + " is single-choice");
        }
        return checkOption(q, option, "option");
    }

    private static List<Integer> multiple(Question q, ResponseBody body) {
        List<Integer> options = body.options();
        if ((options == null || options.isEmpty()) && body.option() != null) {
            options = List.of(body.option());
        }
        if (options == null || options.isEmpty()) {
            throw ApiError.badBody("options is required: question " + q.index() + " is multiple-choice");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            Integer option = checkOption(q, options.get(i), "options[" + i + "]");
            if (!seen.add(option)) {
                throw ApiError.badBody("options[" + i + "] repeats option " + option);
            }
        }
        return List.copyOf(options);
    }

    private static Integer checkOption(Question q, Integer option, String field) {
        if (option == null || q.option(option).isEmpty()) {
            throw ApiError.badBody(field + (q.options().isEmpty() ? ": question " + q.index() + " has no options yet"
                    : " must be an option index between 1 and " + q.options().size()));
        }
        return option;
    }

    /** At least one character, and within the question's answer_min_len and answer_max_len when set. */
    private static String text(Question q, String text) {
        if (text == null || text.isEmpty()) {
            throw ApiError.badBody("text is required: question " + q.index() + " is " + q.type());
        }
        PollRules.text(text, PollRules.MAX_ANSWER_LEN, "text");
        int length = text.codePointCount(0, text.length());
        if (length < q.answerMinLen()) {
            throw ApiError.badBody("text must be at least " + q.answerMinLen() + " characters");
        }
        if (q.answerMaxLen() > 0 && length > q.answerMaxLen()) {
            throw ApiError.badBody("text must be at most " + q.answerMaxLen() + " characters");
        }
        return text;
    }

    static long duration(Integer given) {
        return PollRules.range(given, 0, MAX_DURATION_MS, "duration");
    }
}
