package dev.hundred.client.service;

import dev.hundred.client.net.TokenSource;
import java.time.Duration;

/** Tokens minted locally with the app secret (spec §2), as the Node SDK does: no call to the API. */
public final class TokenService {
    private static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    private final TokenSource tokens;

    public TokenService(TokenSource tokens) {
        this.tokens = tokens;
    }

    /** An app token for a client SDK to join {@code roomId} as {@code role}, valid 24 hours. */
    public String app(String roomId, String role, String userId) {
        return app(roomId, role, userId, DEFAULT_VALIDITY);
    }

    public String app(String roomId, String role, String userId, Duration validFor) {
        return require().app(roomId, role, userId, validFor);
    }

    /** The management token the client uses now (cached; minted again before it expires). */
    public String management() {
        return require().management();
    }

    private TokenSource require() {
        if (tokens == null) {
            throw new IllegalStateException("tokens need credentials(accessKey, secret), not a fixed management token");
        }
        return tokens;
    }
}
