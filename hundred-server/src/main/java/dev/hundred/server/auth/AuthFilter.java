package dev.hundred.server.auth;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.workspaces.Workspace;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * Checks the management token on every {@code /v2} call (except the client-facing {@link #PUBLIC} ones)
 * and records the caller's workspace on the request, where handlers read it with {@link #workspace}.
 */
public final class AuthFilter implements Handler {
    private static final String ATTRIBUTE = "hundred.workspace";
    /**
     * Paths that clients call without a management token: the room-code exchange, and SIP DTMF,
     * which takes an app token (its handler verifies it); and the OpenAPI document, JSON and YAML, which describes
     * every prefix (documentation, no data).
     */
    private static final Set<String> PUBLIC = Set.of("/v2/token", "/v2/sip/dtmf", "/v2/openapi.json", "/v2/openapi.yaml");

    private final Tokens tokens;
    private final SessionCookies cookies;

    public AuthFilter(Tokens tokens) {
        this(tokens, SessionCookies.NONE);
    }

    /** {@code cookies}: the dashboard's sessions, accepted where no {@code Authorization} header is sent. */
    public AuthFilter(Tokens tokens, SessionCookies cookies) {
        this.tokens = tokens;
        this.cookies = cookies;
    }

    @Override
    public void handle(Context ctx) {
        if (PUBLIC.contains(routed(ctx.path()))) {
            return;
        }
        if (ctx.header("Authorization") == null) {
            Workspace ws = cookies.authenticate(ctx);
            if (ws != null) {
                ctx.attribute(ATTRIBUTE, ws);
                return;
            }
        }
        ctx.attribute(ATTRIBUTE, tokens.verifyManagement(bearer(ctx)));
    }

    /** The path as the router matches it: trailing slashes ignored (/v2/token/ is /v2/token; the fuzz found it). */
    private static String routed(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** The token from {@code Authorization: Bearer ...}, or null. */
    public static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : null;
    }

    /** The caller's workspace, or null on the {@link #PUBLIC} paths (no management token there). */
    public static Workspace workspaceIfAny(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    public static Workspace workspace(Context ctx) {
        Workspace ws = ctx.attribute(ATTRIBUTE);
        if (ws == null) {
            throw ApiError.tokenInvalid("not found");
        }
        return ws;
    }
}
