package dev.hundred.server.polls;

import java.util.List;
import java.util.Optional;

/**
 * A poll or quiz as the API shows it (spec §14.1), and the body of create and rewrite: in a body every
 * field is optional (null = not sent, {@code id} is ignored); {@link PollRules#poll} fills the defaults,
 * so a stored or answered poll has every field.
 */
public record Poll(
        String id,
        String title,
        Integer duration,
        Boolean anonymous,
        String mode,
        String type,
        String start,
        List<Question> questions) {

    public static final String MODE_USER = "userid";
    public static final String MODE_PEER = "peerid";
    public static final String TYPE_POLL = "poll";
    public static final String TYPE_QUIZ = "quiz";
    public static final String START_AUTO = "auto";
    public static final String START_MANUAL = "manual";

    Poll withId(String newId) {
        return new Poll(newId, title, duration, anonymous, mode, type, start, questions);
    }

    Poll withQuestions(List<Question> newQuestions) {
        return new Poll(id, title, duration, anonymous, mode, type, start, newQuestions);
    }

    boolean isQuiz() {
        return TYPE_QUIZ.equals(type);
    }

    /** The question with this 1-based index, if there is one. */
    Optional<Question> question(int index) {
        return index >= 1 && index <= questions.size() ? Optional.of(questions.get(index - 1))
                : Optional.empty();
    }

    /** What peers are shown while it runs: answers marked {@code hidden} are left out. */
    Poll forPeers() {
        return withQuestions(questions.stream().map(Question::forPeers).toList());
    }
}
