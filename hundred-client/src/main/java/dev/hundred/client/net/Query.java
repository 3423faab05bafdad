package dev.hundred.client.net;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query parameters in order; a key may repeat (arrays are repeated keys, spec §1.1). */
public final class Query {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public static Query of(Map<String, List<String>> values) {
        Query q = new Query();
        values.forEach((k, v) -> q.values.put(k, new ArrayList<>(v)));
        return q;
    }

    public Query copy() {
        return of(values);
    }

    /** Adds a value (ignored when null); a key given twice is sent twice. */
    public Query add(String key, Object value) {
        if (value != null) {
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(String.valueOf(value));
        }
        return this;
    }

    /** Replaces a key's values. */
    public Query set(String key, Object value) {
        values.remove(key);
        return add(key, value);
    }

    public String encoded() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            for (String v : e.getValue()) {
                s.append(s.length() == 0 ? "" : "&").append(enc(e.getKey())).append('=').append(enc(v));
            }
        }
        return s.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
