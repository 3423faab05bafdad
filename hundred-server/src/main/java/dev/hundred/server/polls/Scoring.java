package dev.hundred.server.polls;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * How answers are marked and scored. A question is graded when it has a right answer: options for a choice
 * question, text for a short or long one. Single-choice is right when the option chosen is one of the
 * answer's options (the docs' example lists two for a single-choice question); multiple-choice when exactly
 * the answer's options are chosen; text when it equals the answer's text, with spaces around both removed
 * when {@code trim} is set, and ignoring case unless {@code case} is set.
 * <p>
 * Score of a quiz: the question's {@code weight} when right, else 0. Score of a poll (no right answers):
 * the sum of the {@code weight}s of the options chosen, so weighted options count as votes. Skipped: 0.
 */
final class Scoring {
    private Scoring() {}

    /** Right or wrong; null when the question has no right answer (or was skipped). */
    static Boolean correct(Question q, Choice c) {
        Answer a = q.answer();
        if (c.skipped() || a == null) {
            return null;
        }
        if (q.isChoice()) {
            if (a.options().isEmpty()) {
                return null;
            }
            return c.option() != null ? a.options().contains(c.option())
                    : new HashSet<>(a.options()).equals(new HashSet<>(c.options()));
        }
        if (a.text().isEmpty()) {
            return null;
        }
        String expected = a.trim() ? a.text().strip() : a.text();
        String given = a.trim() ? c.text().strip() : c.text();
        return a.caseSensitive() ? expected.equals(given)
                : expected.toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT));
    }

    static int score(Poll poll, Question q, Choice c) {
        if (c.skipped()) {
            return 0;
        }
        if (poll.isQuiz()) {
            return Boolean.TRUE.equals(correct(q, c)) ? q.weight() : 0;
        }
        List<Integer> chosen = c.option() != null ? List.of(c.option()) : c.options() != null ? c.options() : List.of();
        return chosen.stream().mapToInt(i -> q.option(i).map(Option::weight).orElse(0)).sum();
    }
}
