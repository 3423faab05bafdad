package dev.hundred.server.emulator;

import java.util.List;
import java.util.Locale;

/**
 * What the request journal never shows: headers (and query parameters) whose name looks like it carries a
 * credential. Authorization, Proxy-Authorization and Cookie, and any name containing auth, token, secret,
 * password, passwd, cookie, session, signature, credential, or api/access/private key (with or without
 * a - or _). Idempotency-Key and X-Hundred-Fault are shown.
 */
final class Credentials {
    private static final List<String> FRAGMENTS = List.of("auth", "token", "secret", "password", "passwd", "cookie",
            "session", "signature", "credential");
    private static final List<String> KEYS = List.of("api", "access", "private");

    private Credentials() {}

    /** Verdicts of {@link #looksSecret} by header name; names repeat on every request. Bounded. */
    private static final java.util.Map<String, Boolean> VERDICTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #looksSecret}, remembered for up to 1,000 names (a client making up names gets no more). */
    static boolean looksSecretCached(String name) {
        Boolean verdict = VERDICTS.get(name);
        if (verdict == null) {
            verdict = looksSecret(name);
            if (VERDICTS.size() < 1_000) {
                VERDICTS.put(name, verdict);
            }
        }
        return verdict;
    }

    static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String fragment : FRAGMENTS) {
            if (n.contains(fragment)) {
                return true;
            }
        }
        String squeezed = n.replace("-", "").replace("_", "");
        for (String key : KEYS) {
            if (squeezed.contains(key + "key")) {
                return true;
            }
        }
        return false;
    }
}
