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
