package dev.hundred.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Query-parameter parsing shared by every list endpoint; bad values throw 400 Invalid query parameter. */
public final class Params {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    private Params() {}

    /** decisions.md, Pagination: default 10, below 10 counts as 10, above 100 as 100. */
    public static int limit(Context ctx) {
        return limit(ctx, DEFAULT_LIMIT, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** A list whose documented range is another (analytics events: 1..100): clamped the same way. */
    public static int limit(Context ctx, int min, int dflt, int max) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            if (raw.trim().matches("-?\\d+")) { // an integer too large for int: clamp like any other
                return raw.trim().startsWith("-") ? min : max;
            }
            throw ApiError.badQuery("limit must be an integer");
        }
    }

    /** The exclusive cursor: the page begins after this id. Empty means from the newest. */
    public static Optional<String> start(Context ctx) {
        return string(ctx, "start");
    }

    public static Optional<String> string(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw);
    }

    /**
     * A text filter: absent when empty; 400 when it holds a NUL character (PostgreSQL refuses them, H2 would
     * not: the same input must get the same answer on both) or is longer than {@code max}.
     */
    public static Optional<String> text(Context ctx, String name, int max) {
        Optional<String> value = string(ctx, name);
        value.ifPresent(v -> checkText(name, v, max));
        return value;
    }

    /** The same rule for a value already read (a repeated parameter, a path segment). */
    public static void checkText(String name, String value, int max) {
        if (value.indexOf('\0') >= 0) {
            throw ApiError.badQuery(name + " must not contain NUL characters");
        }
        if (value.length() > max) {
            throw ApiError.badQuery(name + " is longer than " + max + " characters");
        }
    }

    public static Optional<Boolean> bool(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> throw ApiError.badQuery(name + " must be a boolean");
        };
    }

    public static Optional<Instant> time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Timestamps.parse(raw.trim()));
        } catch (DateTimeParseException e) {
            throw ApiError.badQuery(name + " must be an RFC 3339 timestamp");
        }
    }
}
