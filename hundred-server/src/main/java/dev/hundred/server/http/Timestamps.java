package dev.hundred.server.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as the cloud writes them: UTC, RFC 3339, fractional seconds with trailing zeros trimmed
 * (Go's RFC3339Nano), e.g. {@code 2022-09-08T15:07:37.83Z}. Input accepts any RFC 3339 offset.
 */
public final class Timestamps {
    /** Go's zero time, which the cloud prints for never-set times. */
    public static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private Timestamps() {}

    public static String format(Instant instant) {
        String base = DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC));
        int nanos = instant.getNano();
        if (nanos == 0) {
            return base + "Z";
        }
        StringBuilder out = new StringBuilder(base.length() + 11).append(base).append('.');
        String digits = Integer.toString(nanos);
        out.append("000000000", 0, 9 - digits.length()).append(digits);
        int end = out.length();
        while (out.charAt(end - 1) == '0') {
            end--;
        }
        return out.replace(end, out.length(), "Z").toString();
    }

    /**
     * Parses RFC 3339 with any offset; throws {@link DateTimeParseException} on anything else, and on years
     * outside 0001-9999 (RFC 3339's own range, and what both databases store).
     */
    public static Instant parse(String text) {
        OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Instant instant = parsed.toInstant();
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw new DateTimeParseException("year out of range", text, 0);
        }
        return instant;
    }
}
