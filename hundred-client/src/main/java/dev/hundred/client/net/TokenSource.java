package dev.hundred.client.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Mints the tokens 100ms expects (spec §2): HS256 signed with the app secret, {@code access_key},
 * {@code type}, {@code version: 2}, {@code iat}/{@code nbf} back-dated a little for clock skew, {@code exp},
 * a UUID {@code jti}. The management token is cached and minted again {@link #RENEW_BEFORE} before it
 * expires, on the client's own clock (injectable, so a test can move it with the emulator's).
 */
public final class TokenSource {
    /** How far iat/nbf are back-dated, so a server whose clock is a little behind accepts the token. */
    static final long SKEW_SECONDS = 10;
    /** A cached token is replaced this long before its exp. */
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final String accessKey;
    private final String secret;
    private final Duration ttl;
    private final Clock clock;
    private String cached;
    private long cachedExp;

    public TokenSource(String accessKey, String secret, Duration managementTtl, Clock clock) {
        this.accessKey = accessKey;
        this.secret = secret;
        this.ttl = managementTtl;
        this.clock = clock;
    }

    /** The cached management token, or a new one when there is none or it expires within {@link #RENEW_BEFORE}. */
    public synchronized String management() {
        long now = clock.instant().getEpochSecond();
        if (cached == null || now >= cachedExp - RENEW_BEFORE.toSeconds()) {
            ObjectNode claims = base("management", ttl, now);
            cached = Jwt.sign(claims, secret);
            cachedExp = claims.get("exp").asLong();
        }
        return cached;
    }

    /** Forget the cached token (the server refused it): the next call mints a new one. */
    public synchronized void invalidate(String refused) {
        if (refused != null && refused.equals(cached)) {
            cached = null;
        }
    }

    /** An app (auth) token for the client SDKs; {@code userId} may be null (then left out, as the Node SDK does). */
    public String app(String roomId, String role, String userId, Duration validFor) {
        ObjectNode claims = base("app", validFor, clock.instant().getEpochSecond());
        claims.put("room_id", roomId);
        claims.put("role", role);
        if (userId != null) {
            claims.put("user_id", userId);
        }
        return Jwt.sign(claims, secret);
    }

    private ObjectNode base(String type, Duration validFor, long now) {
        long iat = now - SKEW_SECONDS;
        ObjectNode claims = Jwt.claims();
        claims.put("access_key", accessKey);
        claims.put("type", type);
        claims.put("version", 2);
        claims.put("iat", iat);
        claims.put("nbf", iat);
        claims.put("exp", now + validFor.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }
}
