package dev.hundred.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.auth.Tokens;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.webhooks.WebhookHistoryService;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dashboard (docs/dashboard.md): the page and its built assets (from the hundred-dashboard jar, under
 * {@code dashboard/} on the classpath), sign-in and sign-out, the session the page reads, and a room's live
 * feed. Everything else the page shows it reads through /v2 and /emulator with the session's cookie and
 * CSRF token ({@link DashboardSessions}): there is no second API.
 * <pre>
 * GET  /dashboard/                          the page (only the sign-in form without a session)
 * GET  /dashboard/assets/{file}             its scripts and styles
 * POST /dashboard/api/sign-in               {"access_key","secret"} or {"token"}: sets the cookie
 * POST /dashboard/api/sign-out              clears it (X-CSRF-Token)
 * GET  /dashboard/api/session               {"access_key","workspace","expires_at","csrf_token","emulator"}
 * GET  /dashboard/api/rooms/{room_id}/live  server-sent events of the room
 * GET  /dashboard/api/webhooks/{event_id}/attempts  {"attempts": [{attempt, started_at, duration_ms, status_code, error}]}
 * </pre>
 */
public final class DashboardRoutes implements Routes {
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._-]+\\.(js|css|svg|png|ico|woff2)");
    /** Only our own scripts and styles, no framing: the page holds a credential. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final DashboardSessions sessions;
    private final WorkspaceService workspaces;
    private final Tokens tokens;
    private final LiveFeed feed;
    private final WebhookHistoryService webhooks;
    private final boolean emulator;
    private final SignInThrottle throttle = new SignInThrottle();

    public DashboardRoutes(DashboardSessions sessions, WorkspaceService workspaces, Tokens tokens, LiveFeed feed,
                           WebhookHistoryService webhooks, boolean emulator) {
        this.sessions = sessions;
        this.workspaces = workspaces;
        this.tokens = tokens;
        this.feed = feed;
        this.webhooks = webhooks;
        this.emulator = emulator;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/dashboard", this::page); // Javalin ignores a trailing slash: /dashboard/ too
        routes.get("/dashboard/assets/{file}", this::asset);
        routes.post("/dashboard/api/sign-in", this::signIn);
        routes.post("/dashboard/api/sign-out", this::signOut);
        routes.get("/dashboard/api/session", this::session);
        SseHandler live = new SseHandler(0, client -> feed.watch(
                client.ctx().attribute("dashboard.workspace"), client.ctx().pathParam("room_id"), client));
        routes.get("/dashboard/api/rooms/{room_id}/live", ctx -> {
            ctx.attribute("dashboard.workspace", sessions.require(ctx).workspace().id());
            live.handle(ctx);
        });
        routes.head("/dashboard/api/rooms/{room_id}/live", ctx -> sessions.require(ctx));
        routes.get("/dashboard/api/webhooks/{event_id}/attempts", this::attempts);
    }

    private void page(Context ctx) {
        byte[] html = resource("index.html");
        if (html == null) {
            throw ApiError.notFound("Not found", "the dashboard was not built into this jar (hundred-dashboard)");
        }
        ctx.header("Content-Security-Policy", CSP).header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-cache").header("Referrer-Policy", "no-referrer")
                .contentType("text/html; charset=utf-8").result(html);
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        byte[] bytes = ASSET.matcher(file).matches() ? resource("assets/" + file) : null;
        if (bytes == null) {
            throw ApiError.notFound("Not found", "no dashboard asset " + file);
        }
        // Vite names each built file by its content hash: a file never changes under its name.
        ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(type(file)).result(bytes);
    }

    private void signIn(Context ctx) {
        // The raw header: the servlet's content type parses its charset, and throws for one it does not know.
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            // A form of another site can post urlencoded text without asking; JSON it cannot (CORS preflight).
            throw ApiError.badBody("sign-in takes a JSON body");
        }
        long retryAfter = throttle.retryAfterSeconds(ctx.ip());
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw new ApiError(429, "Too many requests", "more than " + SignInThrottle.FAILURES
                    + " failed sign-ins from this address within a minute; retry after " + retryAfter + " seconds");
        }
        JsonNode body = Json.readBody(ctx.bodyAsBytes(), JsonNode.class);
        Workspace ws;
        if (body.hasNonNull("token")) {
            try {
                ws = tokens.verifyManagement(body.get("token").asText());
            } catch (ApiError refused) {
                throttle.failed(ctx.ip());
                throw refused;
            }
        } else {
            String key = body.path("access_key").asText("");
            String secret = body.path("secret").asText("");
            ws = workspaces.byAccessKey(key)
                    .filter(w -> MessageDigest.isEqual(w.secret().getBytes(StandardCharsets.UTF_8),
                            secret.getBytes(StandardCharsets.UTF_8)))
                    .orElse(null);
            if (key.isEmpty() || ws == null) {
                throttle.failed(ctx.ip());
                throw new ApiError(401, "Invalid credentials", "access key or secret is wrong");
            }
        }
        String cookie = sessions.issue(ws);
        ctx.header("Set-Cookie", DashboardSessions.setCookie(cookie, secure(ctx)));
        ctx.json(describe(sessions.parse(cookie)));
    }

    private void signOut(Context ctx) {
        sessions.requireForChange(ctx);
        ctx.header("Set-Cookie", DashboardSessions.setCookie(null, secure(ctx)));
        ctx.status(204);
    }

    /** What the API does not show: each attempt at a delivery (the history has only its outcome). */
    private void attempts(Context ctx) {
        Workspace ws = sessions.require(ctx).workspace();
        List<Map<String, Object>> attempts = webhooks.attempts(ws, ctx.pathParam("event_id")).stream()
                .map(a -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("attempt", a.attempt());
                    out.put("started_at", Timestamps.format(a.startedAt()));
                    out.put("duration_ms", a.durationMs());
                    out.put("status_code", a.statusCode());
                    out.put("error", a.error());
                    return out;
                }).toList();
        ctx.json(Map.of("attempts", attempts));
    }

    private void session(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(describe(sessions.require(ctx)));
    }

    private Map<String, Object> describe(DashboardSessions.Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_key", session.workspace().accessKey());
        out.put("workspace", session.workspace().name());
        out.put("expires_at", Timestamps.format(session.expiresAt()));
        out.put("csrf_token", session.csrfToken());
        out.put("emulator", emulator);
        return out;
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static String type(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1);
        return switch (ext) {
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            default -> "font/woff2";
        };
    }

    private static byte[] resource(String path) {
        try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream("dashboard/" + path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
