package dev.hundred.server.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a request body breaks, each as "field.path what is wrong", so one 400 {@code Invalid body param}
 * names them all in body order (as templates do). (NUL characters never get here: {@link Json#readBody}
 * refuses them for every body.)
 */
public final class Violations {
    private final List<String> details = new ArrayList<>();

    public void add(String path, String rule) {
        details.add(path + " " + rule);
    }

    /** A string field: at most {@code max} characters (code points). */
    public void text(String path, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(path, "must be at most " + max + " characters");
        }
    }

    /** Every element of a list of strings present (JSON null is not a string). */
    public boolean noNulls(String path, List<?> values) {
        boolean clean = true;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                add(path + "[" + i + "]", "must be a string");
                clean = false;
            }
        }
        return clean;
    }

    public boolean isEmpty() {
        return details.isEmpty();
    }

    public void throwIfAny() {
        if (!details.isEmpty()) {
            throw ApiError.badBody(details.toArray(String[]::new));
        }
    }
}
