package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.net.Query;
import dev.hundred.client.net.Requester;
import java.util.ArrayList;
import java.util.List;

/** Reads the API's list envelopes into {@link HmsPage}s that know how to fetch their next page. */
final class Pages {
    private Pages() {}

    /** {@code {limit, data, last}} (and polls' {@code {limit, responses|results, last}}): the next page starts after {@code last}. */
    static <T> HmsPage<T> byLast(Requester r, String path, Query query, Class<T> item, String itemsField) {
        JsonNode root = r.tree("GET", path, query, null);
        List<T> data = items(r, root.path(itemsField), item);
        Integer limit = root.path("limit").isInt() ? root.get("limit").asInt() : null;
        String last = text(root.path("last"));
        boolean full = limit == null || data.size() >= limit;
        return new HmsPage<>(data, last, full, limit, null,
                cursor -> byLast(r, path, copy(query).set("start", cursor), item, itemsField));
    }

    static <T> HmsPage<T> byLast(Requester r, String path, Query query, Class<T> item) {
        return byLast(r, path, query, item, "data");
    }

    /** Analytics events {@code {limit, total, next, events}}: {@code next} is non-empty only when more follow. */
    static <T> HmsPage<T> byNext(Requester r, String path, Query query, Class<T> item, String itemsField) {
        JsonNode root = r.tree("GET", path, query, null);
        List<T> data = items(r, root.path(itemsField), item);
        Integer limit = root.path("limit").isInt() ? root.get("limit").asInt() : null;
        Long total = root.path("total").isNumber() ? root.get("total").asLong() : null;
        String next = text(root.path("next"));
        return new HmsPage<>(data, next, true, limit, total,
                cursor -> byNext(r, path, copy(query).set("start", cursor), item, itemsField));
    }

    /** The webhook history's {@code {events, pagination: {current_page, has_next}}}: pages by number. */
    static <T> HmsPage<T> byPageNumber(Requester r, String path, Query query, Class<T> item, String itemsField) {
        JsonNode root = r.tree("GET", path, query, null);
        List<T> data = items(r, root.path(itemsField), item);
        JsonNode pagination = root.path("pagination");
        boolean hasNext = pagination.path("has_next").asBoolean(false);
        String nextPage = String.valueOf(pagination.path("current_page").asInt(1) + 1);
        Integer size = pagination.path("page_size").isInt() ? pagination.get("page_size").asInt() : null;
        Long total = pagination.path("total_items").isNumber() ? pagination.get("total_items").asLong() : null;
        return new HmsPage<>(data, nextPage, hasNext, size, total,
                page -> byPageNumber(r, path, copy(query).set("page", page), item, itemsField));
    }

    static <T> List<T> items(Requester r, JsonNode array, Class<T> item) {
        List<T> out = new ArrayList<>();
        if (array.isArray()) { // data: null is an empty page
            JavaType type = r.json().constructType(item);
            for (JsonNode n : array) {
                out.add(r.json().convertValue(n, type));
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    private static Query copy(Query q) {
        return q == null ? new Query() : q.copy();
    }
}
