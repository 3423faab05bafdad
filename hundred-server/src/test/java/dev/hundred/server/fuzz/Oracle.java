package dev.hundred.server.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hundred.server.support.RawHttp;
import java.util.ArrayList;
import java.util.List;

/** What every answer must be: no 5xx, errors in the 100ms shape, JSON where the endpoint answers JSON. */
final class Oracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Oracle() {}

    /** null when the answer is fine, else what is wrong with it. */
    static String problem(FuzzRequest q, RawHttp.Answer a) {
        if (a.status() < 0) {
            return "no answer (" + a.problem() + ")";
        }
        if (a.problem() != null) {
            return "an answer that breaks HTTP framing: " + a.problem();
        }
        if (a.status() < 200 && !(a.status() == 101 && q.label().startsWith("framing case") && !q.compared())) {
            return "only an interim " + a.status() + " answer";
        }
        if (a.status() >= 500) {
            return "a " + a.status();
        }
        if (a.status() >= 400) {
            return q.head() ? null : errorShape(a);
        }
        if (a.status() == 204) {
            return a.body().length == 0 ? null : "a 204 with a body";
        }
        if (a.status() >= 200 && a.status() < 300 && q.jsonAnswer() && !q.head()) {
            if (!a.header("Content-Type").startsWith("application/json")) {
                return "a " + a.status() + " of a JSON endpoint with Content-Type '" + a.header("Content-Type") + "'";
            }
            return parse(a) == null ? "a " + a.status() + " whose body is not JSON" : null;
        }
        return null;
    }

    private static String errorShape(RawHttp.Answer a) {
        if (!a.header("Content-Type").startsWith("application/json")) {
            return "an error with Content-Type '" + a.header("Content-Type") + "'";
        }
        JsonNode body = parse(a);
        if (body == null || !body.isObject()) {
            return "an error whose body is not a JSON object";
        }
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        if (!fields.equals(List.of("code", "message", "details"))) {
            return "an error with fields " + fields + ", not [code, message, details]";
        }
        if (!body.get("code").isInt() || body.get("code").intValue() != a.status()) {
            return "an error whose code " + body.get("code") + " is not its status";
        }
        if (!body.get("message").isTextual() || body.get("message").asText().isBlank()) {
            return "an error without a message";
        }
        if (!body.get("details").isArray()) {
            return "an error whose details are not an array";
        }
        for (JsonNode d : body.get("details")) {
            if (!d.isTextual()) {
                return "an error with a detail that is not a string";
            }
        }
        return null;
    }

    private static JsonNode parse(RawHttp.Answer a) {
        try {
            return a.body().length == 0 ? null : JSON.readTree(a.body());
        } catch (JsonProcessingException e) {
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String show(RawHttp.Answer a) {
        return a.status() + " " + a.header("Content-Type") + " " + FuzzRequest.cut(a.text(), 500);
    }
}
