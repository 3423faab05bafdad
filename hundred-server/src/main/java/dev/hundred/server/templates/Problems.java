package dev.hundred.server.templates;

import dev.hundred.server.http.ApiError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every rule a request breaks, each as "field.path what is wrong", so that one 400
 * {@code Invalid body param} names them all, in the order of the body. Nothing is written until a
 * request has none.
 */
final class Problems {
    private final List<String> details = new ArrayList<>();

    static String at(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    void add(String path, String rule) {
        details.add(path + " " + rule);
    }

    void required(String path, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(path, "is required");
        }
    }

    void between(String path, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(path, "must be between " + min + " and " + max);
        }
    }

    void between(String path, Double value, String min, String max) {
        if (value != null && (value < Double.parseDouble(min) || value > Double.parseDouble(max))) {
            add(path, "must be between " + min + " and " + max);
        }
    }

    void atLeast(String path, Integer value, int min) {
        if (value != null && value < min) {
            add(path, min == 0 ? "must not be negative" : "must be at least " + min);
        }
    }

    void oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(path, allowed.size() == 1 ? "must be " + allowed.get(0) : "must be one of " + String.join(", ", allowed));
        }
    }

    /** Every element of {@code values} is one of {@code allowed}. */
    void eachOneOf(String path, List<String> values, List<String> allowed) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    add(index(path, i), "must be a string");
                } else {
                    oneOf(index(path, i), values.get(i), allowed);
                }
            }
        }
    }

    /** Every element of {@code values} names a role of the template. */
    void eachRole(String path, List<String> values, Collection<String> roles) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                String role = values.get(i);
                if (role == null || !roles.contains(role)) {
                    add(index(path, i), "must name a role of the template" + (role == null ? "" : ", not " + role));
                }
            }
        }
    }

    void maxLength(String path, String value, int max) {
        if (value != null && value.length() > max) {
            add(path, "must be at most " + max + " characters");
        }
    }

    void maxSize(String path, List<?> values, int max, String noun) {
        if (values != null && values.size() > max) {
            add(path, "must have at most " + max + " " + noun);
        }
    }

    void throwIfAny() {
        if (!details.isEmpty()) {
            throw ApiError.badBody(details.toArray(String[]::new));
        }
    }
}
