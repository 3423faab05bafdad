package dev.hundred.server.guard;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --rate-limit} setting: at most {@code requests} per {@code per} for each workspace, with bursts of up
 * to {@code requests} (a token bucket that holds {@code requests} tokens and refills continuously).
 */
public record RateLimit(int requests, Duration per) {
    /** Large enough for any real limit, small enough that the bucket's arithmetic stays in a long. */
    static final int MAX_REQUESTS = 1_000_000;
    private static final Pattern FORM = Pattern.compile("(\\d{1,7})\\s*/\\s*(s|m|h)");

    public RateLimit {
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("the number of requests must be 1 to " + MAX_REQUESTS);
        }
    }

    /** {@code 10/s}, {@code 600/m}, {@code 1000/h}; {@code off}, {@code none} or nothing: null (no limit). */
    public static RateLimit parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("off") || t.equals("none")) {
            return null;
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("must look like 10/s, 600/m or 1000/h, or be off (was: " + text + ")");
        }
        Duration per = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new RateLimit(Integer.parseInt(m.group(1)), per);
    }

    /** As it is written on the command line. */
    @Override
    public String toString() {
        String unit = per.equals(Duration.ofSeconds(1)) ? "s" : per.equals(Duration.ofMinutes(1)) ? "m" : "h";
        return requests + "/" + unit;
    }
}
