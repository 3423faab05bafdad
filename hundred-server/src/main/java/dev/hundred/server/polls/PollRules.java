package dev.hundred.server.polls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The field rules of polls, questions and options, and their defaults (spec §14.1): each broken rule is
 * 400 {@code Invalid body param} with the field's path in details. The docs give defaults but no limits;
 * the limits here are generous and say why.
 */
final class PollRules {
    static final int MAX_TITLE = 1024;
    static final int MAX_TEXT = 4096;
    static final int MAX_FORMAT = 64;
    static final int MAX_QUESTIONS = 100;
    static final int MAX_OPTIONS = 50;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_URL = 2048;
    /** A session lasts at most 12 h (spec §1.8): no poll or question can be shown for longer. */
    static final int MAX_SECONDS = 43200;
    /** Keeps any sum of weights over every question of a poll within an int. */
    static final int MAX_WEIGHT = 1_000_000;
    /** The longest text answer, as the longest chat message (64 KiB). */
    static final int MAX_ANSWER_LEN = 64 * 1024;

    private static final Set<String> MODES = Set.of(Poll.MODE_USER, Poll.MODE_PEER);
    private static final Set<String> TYPES = Set.of(Poll.TYPE_POLL, Poll.TYPE_QUIZ);
    private static final Set<String> STARTS = Set.of(Poll.START_AUTO, Poll.START_MANUAL);
    private static final Set<String> QUESTION_TYPES = Set.of(Question.SINGLE_CHOICE, Question.MULTIPLE_CHOICE,
            Question.SHORT_ANSWER, Question.LONG_ANSWER);

    private PollRules() {}

    /** The poll of a create or rewrite body, every default filled; {@code id} is left null. */
    static Poll poll(Poll body) {
        String mode = oneOf(body.mode(), MODES, Poll.MODE_USER, "mode");
        String type = oneOf(body.type(), TYPES, Poll.TYPE_POLL, "type");
        String start = oneOf(body.start(), STARTS, Poll.START_AUTO, "start");
        List<Question> given = body.questions() == null ? List.of() : body.questions();
        if (given.size() > MAX_QUESTIONS) {
            throw ApiError.badBody("questions must have at most " + MAX_QUESTIONS + " questions");
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            questions.add(question(notNull(given.get(i), "questions[" + i + "]"), i + 1, "questions[" + i + "]."));
        }
        return new Poll(null, text(body.title(), MAX_TITLE, "title"), seconds(body.duration(), "duration"),
                Boolean.TRUE.equals(body.anonymous()), mode, type, start,
                ordered(questions, Question::index, "questions"));
    }

    /**
     * A question, defaults filled; {@code position} is its index when it sends none, {@code path} prefixes
     * field names in errors ({@code "questions[0]."}, or {@code ""} for the question rewrite).
     */
    static Question question(Question q, int position, String path) {
        String type = oneOf(q.type(), QUESTION_TYPES, Question.SINGLE_CHOICE, path + "type");
        int min = range(q.answerMinLen(), 0, MAX_ANSWER_LEN, path + "answer_min_len");
        int max = range(q.answerMaxLen(), 0, MAX_ANSWER_LEN, path + "answer_max_len");
        if (max > 0 && min > max) {
            throw ApiError.badBody(path + "answer_min_len must not exceed answer_max_len");
        }
        List<Option> given = q.options() == null ? List.of() : q.options();
        boolean choice = Question.SINGLE_CHOICE.equals(type) || Question.MULTIPLE_CHOICE.equals(type);
        if (!choice && !given.isEmpty()) {
            throw ApiError.badBody(path + "options: " + type + " questions have no options");
        }
        if (given.size() > MAX_OPTIONS) {
            throw ApiError.badBody(path + "options must have at most " + MAX_OPTIONS + " options");
        }
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = path + "options[" + i + "]";
            options.add(option(notNull(given.get(i), at), i + 1, at + "."));
        }
        options = ordered(options, Option::index, path + "options");
        return new Question(index(q.index(), position, path + "index"), text(q.text(), MAX_TEXT, path + "text"),
                format(q.format(), path + "format"), attachment(q.attachment(), path + "attachment"),
                q.skippable() == null || q.skippable(), seconds(q.duration(), path + "duration"),
                Boolean.TRUE.equals(q.once()), weight(q.weight(), path + "weight"), min, max, type,
                answer(q.answer(), options.size(), path + "answer."), options);
    }

    /** An option, defaults filled (weight 1, like a question's). */
    static Option option(Option o, int position, String path) {
        return new Option(index(o.index(), position, path + "index"), text(o.text(), MAX_TEXT, path + "text"),
                weight(o.weight(), path + "weight"));
    }

    /** The right answer; its options must be options of the question, each once. */
    private static Answer answer(Answer a, int optionCount, String path) {
        if (a == null) {
            return null;
        }
        List<Integer> options = a.options() == null ? List.of() : a.options();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            Integer option = options.get(i);
            String at = path + "options[" + i + "]";
            if (option == null || option < 1 || option > optionCount) {
                throw ApiError.badBody(at + (optionCount == 0 ? " names an option, but the question has none"
                        : " must be an option index between 1 and " + optionCount));
            }
            if (!seen.add(option)) {
                throw ApiError.badBody(at + " repeats option " + option);
            }
        }
        return new Answer(Boolean.TRUE.equals(a.hidden()), List.copyOf(options), text(a.text(), MAX_TEXT, path + "text"),
                Boolean.TRUE.equals(a.caseSensitive()), Boolean.TRUE.equals(a.trim()));
    }

    /**
     * Orders a list by index. An item without an index has its position; the indexes must then be exactly
     * 1..n, because they are positions: deleting one moves the later ones down (spec §14.2).
     */
    private static <T> List<T> ordered(List<T> items, Function<T, Integer> indexOf, String path) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            int index = indexOf.apply(items.get(i));
            if (index > items.size()) {
                throw ApiError.badBody(path + "[" + i + "].index must be between 1 and " + items.size()
                        + " (indexes are positions)");
            }
            if (!seen.add(index)) {
                throw ApiError.badBody(path + "[" + i + "].index repeats index " + index);
            }
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(indexOf));
        return List.copyOf(sorted);
    }

    private static int index(Integer given, int position, String field) {
        if (given == null) {
            return position;
        }
        if (given < 1) {
            throw ApiError.badBody(field + " must be at least 1 (indexes start at 1)");
        }
        return given;
    }

    static String text(String value, int max, String field) {
        if (value == null) {
            return "";
        }
        if (value.length() > max) {
            throw ApiError.badBody(field + " must be at most " + max + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiError.badBody(field + " must not contain NUL characters");
        }
        return value;
    }

    private static String format(String value, String field) {
        if (value == null || value.isEmpty()) {
            return "text";
        }
        return text(value, MAX_FORMAT, field);
    }

    private static String oneOf(String value, Set<String> allowed, String fallback, String field) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw ApiError.badBody(field + " must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + "; got " + value);
        }
        return value;
    }

    private static int seconds(Integer value, String field) {
        return range(value, 0, MAX_SECONDS, field);
    }

    private static int weight(Integer value, String field) {
        return value == null ? 1 : range(value, 0, MAX_WEIGHT, field);
    }

    static int range(Integer value, int min, int max, String field) {
        if (value == null) {
            return min;
        }
        if (value < min || value > max) {
            throw ApiError.badBody(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** Kept as sent: URL strings, or {@code {"type", "url"}} objects as in the docs' example. */
    private static JsonNode attachment(JsonNode value, String field) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw ApiError.badBody(field + " must be an array");
        }
        if (value.size() > MAX_ATTACHMENTS) {
            throw ApiError.badBody(field + " must have at most " + MAX_ATTACHMENTS + " attachments");
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = field + "[" + i + "]";
            if (item.isTextual()) {
                out.add(url(item, at));
            } else if (item.isObject()) {
                ObjectNode kept = out.addObject();
                JsonNode type = item.get("type");
                if (type != null && !type.isNull()) {
                    if (!type.isTextual()) {
                        throw ApiError.badBody(at + ".type must be a string");
                    }
                    kept.put("type", text(type.asText(), 255, at + ".type"));
                }
                kept.put("url", url(item.get("url"), at + ".url"));
            } else {
                throw ApiError.badBody(at + " must be a URL or an object with type and url");
            }
        }
        return out;
    }

    private static String url(JsonNode value, String field) {
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw ApiError.badBody(field + " must be a non-empty string");
        }
        return text(value.asText(), MAX_URL, field);
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw ApiError.badBody(field + " must be an object");
        }
        return Objects.requireNonNull(value);
    }
}
