package dev.hundred.server.dashboard;

import dev.hundred.server.auth.SessionCookies;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's sign-in sessions, kept in the browser and in no table: the cookie is
 * {@code v1.<access key>.<expiry>.<nonce>.<HMAC>} signed with the workspace's secret, so every node of a
 * cluster accepts it, rotating the secret ends every session, and nothing is written per sign-in. The
 * CSRF token is a second HMAC of the nonce: the page reads it from {@code /dashboard/api/session} (which a
 * page of another origin cannot read) and sends it as {@code X-CSRF-Token} on every state-changing call.
 * Expiry is read on the wall clock, not the emulator's, so moving the emulated clock signs nobody out.
 */
public final class DashboardSessions implements SessionCookies {
    public static final String COOKIE = "hundred_dashboard";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final WorkspaceService workspaces;
    private final Clock wallClock;

    /** A signed-in session: its workspace, when it ends, and the CSRF token that goes with it. */
    public record Session(Workspace workspace, Instant expiresAt, String csrfToken) {}

    public DashboardSessions(WorkspaceService workspaces, Clock wallClock) {
        this.workspaces = workspaces;
        this.wallClock = wallClock;
    }

    /** A new cookie value for the workspace, valid for {@link #LIFETIME} from now. */
    public String issue(Workspace ws) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String unsigned = "v1." + B64.encodeToString(ws.accessKey().getBytes(StandardCharsets.UTF_8)) + "."
                + wallClock.instant().plus(LIFETIME).getEpochSecond() + "." + B64.encodeToString(nonce);
        return unsigned + "." + hmac(ws.secret(), "session|" + unsigned);
    }

    /** The {@code Set-Cookie} value that sets (or, with a null value, clears) the session. */
    public static String setCookie(String value, boolean secure) {
        String attributes = "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
        return value == null ? COOKIE + "=; Max-Age=0" + attributes
                : COOKIE + "=" + value + "; Max-Age=" + LIFETIME.toSeconds() + attributes;
    }

    /** The request's session, or null without the cookie; 401 for a cookie that is forged or expired. */
    public Session session(Context ctx) {
        String value = ctx.cookie(COOKIE);
        return value == null || value.isEmpty() ? null : parse(value);
    }

    /** The session a cookie value stands for; 401 when it is forged or expired. */
    public Session parse(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals("v1")) {
            throw invalid("dashboard session malformed");
        }
        String accessKey;
        long exp;
        try {
            accessKey = new String(UNB64.decode(parts[1]), StandardCharsets.UTF_8);
            exp = Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("dashboard session malformed");
        }
        Workspace ws = workspaces.byAccessKey(accessKey).orElseThrow(() -> invalid("dashboard session invalid"));
        String unsigned = value.substring(0, value.lastIndexOf('.'));
        if (!same(hmac(ws.secret(), "session|" + unsigned), parts[4])) {
            throw invalid("dashboard session invalid");
        }
        Instant expiresAt = Instant.ofEpochSecond(exp);
        if (!wallClock.instant().isBefore(expiresAt)) {
            throw invalid("dashboard session expired");
        }
        return new Session(ws, expiresAt, hmac(ws.secret(), "csrf|" + parts[3]));
    }

    /** A session is required (the dashboard's own endpoints): 401 without one. */
    public Session require(Context ctx) {
        Session session = session(ctx);
        if (session == null) {
            throw invalid("not signed in");
        }
        return session;
    }

    /** As {@link #require}, and a state-changing request must carry the session's CSRF token. */
    public Session requireForChange(Context ctx) {
        Session session = require(ctx);
        checkCsrf(ctx, session);
        return session;
    }

    @Override
    public Workspace authenticate(Context ctx) {
        Session session = session(ctx);
        if (session == null) {
            return null;
        }
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            checkCsrf(ctx, session);
        }
        return session.workspace();
    }

    private static void checkCsrf(Context ctx, Session session) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null || !same(session.csrfToken(), sent)) {
            throw ApiError.forbidden("CSRF token missing or invalid",
                    "a state-changing request with the dashboard's cookie must send its " + CSRF_HEADER + " header");
        }
    }

    private static ApiError invalid(String reason) {
        return ApiError.tokenInvalid(reason);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // Domain-separated from the JWTs the same secret signs: every input here starts with our own prefix.
            mac.init(new SecretKeySpec(("hundred-dashboard:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
