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
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.max(DEFAULT_LIMIT, Math.min(MAX_LIMIT, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            if (raw.trim().matches("-?\\d+")) { // an integer too large for int: clamp like any other
                return raw.trim().startsWith("-") ? DEFAULT_LIMIT : MAX_LIMIT;
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
