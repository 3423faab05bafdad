package dev.hundred.client.param;

import dev.hundred.client.net.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of every params class: an immutable map of the fields that were set, in the API's own names,
 * sent as a JSON body (creates, updates, starts) or as query parameters (lists). Builders name each
 * documented field; {@link Builder#putExtraParam} sends any other, for fields newer than this client.
 */
public abstract class Params {
    private final Map<String, Object> values;

    protected Params(Builder<?> builder) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(builder.values));
    }

    /** The fields as the JSON body has them. */
    public Map<String, Object> toMap() {
        return values;
    }

    /** The fields as query parameters: collections as repeated keys, instants in ISO-8601. */
    public Query toQuery() {
        Query q = new Query();
        values.forEach((k, v) -> {
            if (v instanceof Collection<?> many) {
                many.forEach(one -> q.add(k, text(one)));
            } else {
                q.add(k, text(v));
            }
        });
        return q;
    }

    private static Object text(Object v) {
        return v instanceof Instant i ? i.toString() : v;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + values;
    }

    /** @param <B> the concrete builder, so setters chain */
    public abstract static class Builder<B extends Builder<B>> {
        private final Map<String, Object> values = new LinkedHashMap<>();

        /** Sets a field by its API name; null removes it. */
        protected B put(String key, Object value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
            return self();
        }

        /** A field this builder does not name (e.g. one the API added after this client). */
        public B putExtraParam(String key, Object value) {
            return put(key, value);
        }

        @SuppressWarnings("unchecked")
        protected B self() {
            return (B) this;
        }
    }

    /** Builders of list params: every list takes {@code limit} and {@code start}. */
    public abstract static class ListBuilder<B extends ListBuilder<B>> extends Builder<B> {
        /** Items per page (the API allows 10 to 100 on most lists; default 10). */
        public B limit(int limit) {
            return put("limit", limit);
        }

        /** The cursor to start after: a previous page's {@code last} ({@code next} for analytics events). */
        public B start(String start) {
            return put("start", start);
        }
    }

    /** A list of media jobs or their assets: by room, session and status, paged (spec §8.6, §9.2, §10.2, §11.2). */
    public abstract static class JobListBuilder<B extends JobListBuilder<B>> extends ListBuilder<B> {
        /** {@code room_id}. */
        public B roomId(String roomId) {
            return put("room_id", roomId);
        }

        /** {@code session_id}. */
        public B sessionId(String sessionId) {
            return put("session_id", sessionId);
        }

        /** {@code status}. */
        public B status(String status) {
            return put("status", status);
        }
    }
}
