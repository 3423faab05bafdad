package dev.hundred.server.auth;

import dev.hundred.server.workspaces.Workspace;
import io.javalin.http.Context;

/**
 * A second way into /v2 and /emulator besides the bearer token: a browser session (the dashboard's cookie).
 * Consulted only when the request carries no {@code Authorization} header.
 */
public interface SessionCookies {
    /**
     * The workspace of the request's session cookie, or null when it carries none. Throws the 401/403
     * {@code ApiError} for a cookie that is forged or expired, or a state-changing request without the
     * session's CSRF token.
     */
    Workspace authenticate(Context ctx);

    SessionCookies NONE = ctx -> null;
}
