package dev.hundred.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.function.Function;

/**
 * What the streams' stop-all endpoints answer (spec §10.2, §11.2): the list envelope with an extra
 * {@code error} first, as the docs' examples show. Hundred stops every stream it finds, so {@code error} is
 * always {@code ""}; with nothing to stop the page is empty ({@code "data": null, "last": ""}, as {@link Page}).
 */
@JsonPropertyOrder({"error", "data", "limit", "last"})
public record StopAllPage<T>(String error, @JsonInclude(JsonInclude.Include.ALWAYS) List<T> data, int limit,
                             String last) {

    public static <T> StopAllPage<T> of(List<T> stopped, Function<T, String> idOf) {
        Page<T> page = Page.of(Params.DEFAULT_LIMIT, stopped, idOf);
        return new StopAllPage<>("", page.data(), page.limit(), page.last());
    }
}
