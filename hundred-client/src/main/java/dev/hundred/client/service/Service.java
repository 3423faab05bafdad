package dev.hundred.client.service;

import dev.hundred.client.net.Query;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What every resource service shares: the requester, and escaping of ids put in paths. */
abstract class Service {
    protected final Requester r;

    Service(Requester requester) {
        this.r = requester;
    }

    /** An id or name as one path segment (a name with a slash or space stays one segment). */
    static String seg(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("an id is required");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Object body(Params p) {
        return p == null ? null : p.toMap();
    }

    static Query query(Params p) {
        return p == null ? new Query() : p.toQuery();
    }
}
