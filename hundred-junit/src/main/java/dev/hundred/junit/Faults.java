package dev.hundred.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.net.Requester;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fault rules: matching /v2 requests fail or wait (docs/emulator.md, Faults). */
public final class Faults {
    private final Requester api;

    Faults(Requester api) {
        this.api = api;
    }

    /** The next {@code times} requests matching {@code method} and {@code pathGlob} answer {@code status}; answers the rule. */
    public JsonNode fail(String method, String pathGlob, int status, int times) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("method", method);
        rule.put("path", pathGlob);
        rule.put("status", status);
        rule.put("times", times);
        return add(rule);
    }

    /** Any rule: {@code path}, {@code method}, {@code status}, {@code message}, {@code delay_ms}, {@code times}, {@code probability}, {@code seed}. */
    public JsonNode add(Map<String, Object> rule) {
        return api.tree("POST", "/faults", null, rule);
    }

    /** Every rule, oldest first, with its {@code injected} count. */
    public JsonNode list() {
        return api.tree("GET", "/faults", null, null).get("faults");
    }

    public void clear() {
        api.send("DELETE", "/faults", null, null);
    }
}
