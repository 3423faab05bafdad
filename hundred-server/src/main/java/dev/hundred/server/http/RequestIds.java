package dev.hundred.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every answer carries {@code X-Request-Id}: the caller's own when it sent a sane one (so a request can be
 * followed through a proxy and into our log), a new UUID otherwise. While the request runs the id is in the
 * logging context ({@code request_id}), so every log line made for it names it.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "hundred.request-id";
    private static final String STARTED = "hundred.request-started";
    /** Printable, short, no spaces: what can go into a log line and a header unescaped. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {}

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : fresh();
        ctx.attribute(ATTRIBUTE, id);
        ctx.attribute(STARTED, System.nanoTime()); // the one start time: metrics, access log and journal read it
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    static void release(Context ctx) {
        MDC.remove(MDC_KEY);
    }

    /** The request's id, or null outside a request. */
    public static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** Nanoseconds since the request arrived, or -1 for a request that never went through {@link #assign}. */
    public static long elapsedNanos(Context ctx) {
        Long started = ctx.attribute(STARTED);
        return started == null ? -1 : System.nanoTime() - started;
    }

    /**
     * A new random (version 4) UUID. From ThreadLocalRandom, not SecureRandom: an id names a request, it
     * guards nothing, and every request makes one.
     */
    static String fresh() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
