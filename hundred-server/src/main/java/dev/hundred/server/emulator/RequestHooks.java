package dev.hundred.server.emulator;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.RequestIds;
import dev.hundred.server.http.RequestObserver;
import dev.hundred.server.workspaces.Workspace;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The emulator's view of /v2 requests: once the token is accepted, a fault may answer or delay the request
 * ({@code X-Hundred-Fault} first, then the workspace's rules); once answered, it goes into the journal.
 * Requests without a workspace (no token, a refused one, the client-facing {@code POST /v2/token}) are
 * neither faulted nor journaled.
 */
public final class RequestHooks implements RequestObserver {
    private static final String ARRIVED = "hundred.emulator.arrived";
    private static final String FAULT = "hundred.emulator.fault";
    private static final String REDACTED = "[redacted]";
    private static final byte[] NO_BODY = new byte[0];

    private final FaultService faults;
    private final RequestJournal journal;
    private final Clock clock;

    public RequestHooks(FaultService faults, RequestJournal journal, Clock clock) {
        this.faults = faults;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void arrived(Context ctx) {
        ctx.attribute(ARRIVED, clock.instant());
    }

    @Override
    public void authenticated(Context ctx) {
        Workspace ws = workspaceOf(ctx);
        if (ws == null) {
            return;
        }
        Injection injection = FaultHeader.parse(Collections.list(ctx.req().getHeaders(FaultHeader.NAME)));
        if (injection == null) {
            injection = faults.decide(ws, ctx.method().name(), ctx.path());
        }
        if (injection == null) {
            return;
        }
        ctx.attribute(FAULT, injection.source());
        if (injection.delayMs() > 0) {
            pause(injection.delayMs());
        }
        if (injection.status() != null) {
            throw EmulatorErrors.injected(injection);
        }
    }

    @Override
    public void answered(Context ctx) {
        Workspace ws = workspaceOf(ctx);
        if (ws == null || journal.size() == 0) {
            return;
        }
        Instant arrived = ctx.attribute(ARRIVED);
        long durationMs = Math.max(0, RequestIds.elapsedNanos(ctx) / 1_000_000);
        byte[] body = body(ctx);
        boolean truncated = body.length > RequestJournal.MAX_BODY;
        String text = body.length == 0 ? ""
                : new String(body, 0, Math.min(body.length, RequestJournal.MAX_BODY), StandardCharsets.UTF_8);
        journal.add(ws.id(), new JournalEntry(arrived == null ? clock.instant() : arrived, ctx.method().name(), ctx.path(),
                query(ctx.queryString()), headers(ctx), text, truncated, ctx.statusCode(), durationMs, ctx.attribute(FAULT)));
    }

    /** The token's workspace, or null when the request has none. */
    private static Workspace workspaceOf(Context ctx) {
        try {
            return AuthFilter.workspace(ctx);
        } catch (ApiError none) {
            return null;
        }
    }

    /** The body as received; empty when it cannot be read (too large, or it ended early: the answer says so). */
    private static byte[] body(Context ctx) {
        if (ctx.req().getContentLengthLong() <= 0 && ctx.header("Transfer-Encoding") == null) {
            return NO_BODY; // most GETs: reading an empty stream still cost 4% of a GET's samples (JFR)
        }
        try {
            return ctx.bodyAsBytes();
        } catch (RuntimeException unreadable) {
            return new byte[0];
        }
    }

    /**
     * Every header but the credential-looking ones, several values of one name joined with ", ". Walked
     * without copying the names and values into lists first, and with each name's verdict remembered: this
     * runs for every /v2 request while the journal is on (about 5% of a GET room's samples, JFR).
     */
    private static Map<String, String> headers(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        jakarta.servlet.http.HttpServletRequest req = ctx.req();
        for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            if (Credentials.looksSecretCached(name)) {
                continue;
            }
            Enumeration<String> values = req.getHeaders(name);
            String value = values.hasMoreElements() ? values.nextElement() : "";
            if (values.hasMoreElements()) {
                StringBuilder joined = new StringBuilder(value);
                while (values.hasMoreElements()) {
                    joined.append(", ").append(values.nextElement());
                }
                value = joined.toString();
            }
            out.put(name, value);
        }
        return out;
    }

    /** The query string as sent, credential-looking parameters' values replaced. */
    static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> items = Arrays.asList(raw.split("&", -1));
        return items.stream().map(item -> {
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq);
            return eq >= 0 && Credentials.looksSecret(name) ? name + "=" + REDACTED : item;
        }).collect(Collectors.joining("&"));
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
