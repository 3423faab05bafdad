package dev.hundred.server.polls;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * The polls' list envelopes (spec §14.2, §1.4 exceptions): {@code {last, limit, responses}} for sessions and
 * responses (the docs name the sessions' list {@code responses} too), {@code {last, limit, results}} for
 * results. Newest first, {@code start} exclusive; an empty page is {@code null} with {@code last ""}, as
 * every other list (decisions.md, Pagination).
 */
final class PollPage {
    private PollPage() {}

    record Responses<T>(String last, int limit, @JsonInclude(JsonInclude.Include.ALWAYS) List<T> responses) {}

    record Results<T>(String last, int limit, @JsonInclude(JsonInclude.Include.ALWAYS) List<T> results) {}

    static <T> Responses<T> responses(int limit, List<T> items, Function<T, String> idOf) {
        return items.isEmpty() ? new Responses<>("", limit, null)
                : new Responses<>(idOf.apply(items.get(items.size() - 1)), limit, items);
    }

    static <T> Results<T> results(int limit, List<T> items, Function<T, String> idOf) {
        return items.isEmpty() ? new Results<>("", limit, null)
                : new Results<>(idOf.apply(items.get(items.size() - 1)), limit, items);
    }
}
