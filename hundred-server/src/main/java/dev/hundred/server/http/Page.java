package dev.hundred.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * The list envelope {@code {limit, data, last}}. An empty page is {@code "data": null, "last": ""}: the
 * cloud serializes an empty Go slice as null, and older official SDKs loop forever on [] (decisions.md).
 */
public record Page<T>(int limit, @JsonInclude(JsonInclude.Include.ALWAYS) List<T> data, String last) {

    public static <T> Page<T> of(int limit, List<T> items, Function<T, String> idOf) {
        if (items.isEmpty()) {
            return new Page<>(limit, null, "");
        }
        return new Page<>(limit, items, idOf.apply(items.get(items.size() - 1)));
    }
}
