package dev.hundred.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints and verifies the two 100ms token kinds (spec §2): management tokens for the REST API and app
 * tokens for clients joining a room. Failures are 401 {@code Token validation error} with the reason in
 * details, so the official SDK refreshes and retries; a token of the wrong kind is 403.
 */
public final class Tokens {
    /** Clock skew tolerated on exp and nbf (decisions.md, Tokens). */
    static final long LEEWAY_SECONDS = 60;
    /** Verified management tokens, so a hot client does not pay HMAC and JSON on every call. */
    private static final int CACHE_LIMIT = 10_000;

    private final WorkspaceService workspaces;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String workspaceId, String secret, long exp, long nbf) {}

    public Tokens(WorkspaceService workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public String management(Workspace ws, Duration ttl) {
        return Jwt.sign(base(ws, "management", ttl), ws.secret());
    }

    public String app(Workspace ws, String roomId, String role, String userId, Duration ttl) {
        ObjectNode claims = base(ws, "app", ttl);
        claims.put("room_id", roomId);
        claims.put("role", role);
        if (userId != null) {
            claims.put("user_id", userId);
        }
        return Jwt.sign(claims, ws.secret());
    }

    private ObjectNode base(Workspace ws, String type, Duration ttl) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = Json.MAPPER.createObjectNode();
        claims.put("access_key", ws.accessKey());
        claims.put("type", type);
        claims.put("version", 2);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", Ids.uuid());
        return claims;
    }

    /** Verifies a management token and answers its workspace. */
    public Workspace verifyManagement(String token) {
        if (token == null || token.isBlank()) {
            throw ApiError.tokenInvalid("not found");
        }
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.get(token);
        if (hit != null) {
            Workspace ws = workspaces.byId(hit.workspaceId());
            if (ws != null && ws.secret().equals(hit.secret())) {
                checkTimes(hit.exp(), hit.nbf(), now);
                return ws;
            }
            verified.remove(token);
        }
        Jwt.Parsed parsed = parseAndCheck(token);
        Workspace ws = workspaceOf(parsed);
        String type = parsed.text("type").orElse("");
        if (!type.equals("management")) {
            throw ApiError.forbidden("Token validation error", "token type " + (type.isEmpty() ? "missing" : type)
                    + " is not allowed here; use a management token");
        }
        long exp = parsed.seconds("exp").orElseThrow();
        long nbf = parsed.seconds("nbf").orElse(Long.MIN_VALUE);
        if (verified.size() >= CACHE_LIMIT) {
            verified.clear();
        }
        verified.put(token, new Verified(ws.id(), ws.secret(), exp, nbf));
        return ws;
    }

    /** Verifies an app token (type app, room_id and role present). */
    public AppGrant verifyApp(String token) {
        Jwt.Parsed parsed = parseAndCheck(token);
        Workspace ws = workspaceOf(parsed);
        if (!parsed.text("type").orElse("").equals("app")) {
            throw ApiError.forbidden("Token validation error", "an app token is required");
        }
        String roomId = parsed.text("room_id").orElseThrow(() -> ApiError.tokenInvalid("room_id missing"));
        String role = parsed.text("role").orElseThrow(() -> ApiError.tokenInvalid("role missing"));
        return new AppGrant(ws, roomId, role, parsed.text("user_id").orElse(null));
    }

    private Jwt.Parsed parseAndCheck(String token) {
        if (token == null || token.isBlank()) {
            throw ApiError.tokenInvalid("not found");
        }
        Jwt.Parsed parsed = Jwt.parse(token.trim())
                .orElseThrow(() -> ApiError.tokenInvalid("malformed token"));
        long exp = parsed.seconds("exp").orElseThrow(() -> ApiError.tokenInvalid("exp missing"));
        long now = clock.instant().getEpochSecond();
        checkTimes(exp, parsed.seconds("nbf").orElse(Long.MIN_VALUE), now);
        // The cloud's JWT library refuses a token issued in the future (beyond the leeway), and 100ms
        // tokens are version 2 (spec §2): either is a forged or broken token here too (decisions.md).
        if (parsed.seconds("iat").orElse(Long.MIN_VALUE) > now + LEEWAY_SECONDS) {
            throw ApiError.tokenInvalid("token issued in the future");
        }
        JsonNode version = parsed.claims().get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != 2) {
            throw ApiError.tokenInvalid("version must be 2");
        }
        return parsed;
    }

    private Workspace workspaceOf(Jwt.Parsed parsed) {
        String accessKey = parsed.text("access_key").orElseThrow(() -> ApiError.tokenInvalid("access_key missing"));
        Workspace ws = workspaces.byAccessKey(accessKey)
                .orElseThrow(() -> ApiError.tokenInvalid("unknown access key"));
        if (!parsed.signedWith(ws.secret())) {
            throw ApiError.tokenInvalid("signature mismatch");
        }
        return ws;
    }

    private static void checkTimes(long exp, long nbf, long now) {
        if (now > exp + LEEWAY_SECONDS) {
            throw ApiError.tokenInvalid("token expired");
        }
        if (nbf != Long.MIN_VALUE && nbf > now + LEEWAY_SECONDS) {
            throw ApiError.tokenInvalid("token not yet valid");
        }
    }
}
