package dev.hundred.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each operation's own error responses (docs/openapi.md, Errors): the messages the document declares are ones
 * the code sends, the contract refuses an error the operation does not plan (another message, another status)
 * unless the emulator injected it, and the generic statuses are declared only where they can happen.
 */
class OpenApiErrorsTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.get();
    private static final JsonNode DOCUMENT = CONTRACT.document();
    private static final String ROOM = "/v2/rooms/0123456789abcdef01234567";

    @Test
    void everyDeclaredMessageIsAStringTheServerCodeHolds() throws IOException {
        String code = mainSources();
        Map<String, List<String>> missing = new TreeMap<>();
        declaredMessages().forEach((message, where) -> {
            if (!code.contains("\"" + message + "\"") && !code.contains("\"" + message + " ")
                    && !code.contains(" " + message + "\"")) {
                missing.put(message, where);
            }
        });
        assertThat(missing).as("messages the document declares that no main source file holds").isEmpty();
        assertThat(declaredMessages()).containsKeys("Room not found", "Template not found", "Invalid body param",
                "Invalid body param: template. Use template_id", "Idempotency key reused", "trunk not found",
                "Fault not found", "Workspace not empty", "Access denied", "Invalid credentials", "Unauthorized");
    }

    @Test
    void anOperationsErrorWithAnotherMessageThanItsOwnFails() {
        CONTRACT.check("GET", ROOM, null, 404, error(404, "Room not found"), "application/json");
        assertThatThrownBy(() -> CONTRACT.check("GET", ROOM, null, 404, error(404, "Template not found"), "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /v2/rooms/{room_id} -> 404")
                .hasMessageContaining("enumeration [\"Room not found\"]");
    }

    @Test
    void aStatusTheOperationDoesNotAnswerFailsUnlessTheEmulatorInjectedIt() {
        assertThatThrownBy(() -> CONTRACT.check("GET", "/v2/rooms", null, 404, error(404, "Room not found"), "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /v2/rooms -> 404")
                .hasMessageContaining("#/components/responses/Fault");
        String injected = "{\"code\":404,\"message\":\"gone fishing\",\"details\":[\"injected fault 0123456789abcdef01234567\"]}";
        CONTRACT.check("GET", "/v2/rooms", null, 404, injected, "application/json");
        CONTRACT.check("GET", ROOM, null, 404, injected, "application/json"); // a declared status takes one too
        CONTRACT.check("GET", "/v2/rooms", null, 431, error(431, "Request Header Fields Too Large"), "application/json");
    }

    @Test
    void aPatternedMessageIsChecked() {
        String limited = error(429, "rate limit exceeded, retry after 3 seconds");
        CONTRACT.check("GET", "/v2/rooms", null, 429, limited, "application/json");
        assertThatThrownBy(() -> CONTRACT.check("GET", "/v2/rooms", null, 429, error(429, "Too many requests"), "application/json"))
                .isInstanceOf(AssertionError.class);
        CONTRACT.check("POST", "/v2/sip/outbound/trunks", "{}", 400, error(400, "address is mandatory"), "application/json");
        assertThatThrownBy(() -> CONTRACT.check("POST", "/v2/sip/outbound/trunks", "{}", 400,
                error(400, "Address is required"), "application/json")).isInstanceOf(AssertionError.class);
    }

    /**
     * The generic statuses only where they can happen: a body, a POST's idempotency, a token, a path segment; on
     * every operation of every prefix, the emulator's too.
     */
    @Test
    void theSharedErrorsAreDeclaredWhereTheyCanHappenOnly() {
        List<String> wrong = new ArrayList<>();
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String method = entry.getKey();
            JsonNode op = entry.getValue();
            String name = method.toUpperCase() + " " + path.getKey();
            JsonNode responses = op.path("responses");
            boolean body = op.has("requestBody");
            boolean open = op.has("security") && op.path("security").isEmpty();
            if (responses.has("413") && !body && !method.equals("post")) {
                wrong.add(name + ": 413 without a body");
            }
            if (responses.has("422") && (!method.equals("post") || open)) {
                wrong.add(name + ": 422 (idempotency) on an operation without a workspace's POST");
            }
            if (responses.has("409") && method.equals("get")) {
                wrong.add(name + ": 409 on a GET");
            }
            if (open && responses.path("429").path("$ref").asText().endsWith("/RateLimited")) {
                wrong.add(name + ": the rate limit's 429 without a workspace (it counts per workspace)");
            }
            if (!open && !responses.has("401")) {
                wrong.add(name + ": no 401 on an operation that needs a token");
            }
            boolean pathMessage = messages(responses.path("400")).contains("Invalid path parameter");
            if (pathMessage != path.getKey().contains("{")) {
                wrong.add(name + ": `Invalid path parameter` " + (pathMessage ? "without" : "missing with") + " path parameters");
            }
            if (!responses.has("default")) {
                wrong.add(name + ": no default (the emulator's faults, the router's and Jetty's own answers)");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    private static String error(int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"details\":[]}";
    }

    /** Every fixed message of every error response an operation declares, with where it is declared. */
    private static Map<String, List<String>> declaredMessages() {
        Map<String, List<String>> found = new TreeMap<>();
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                op.getValue().path("responses").properties().forEach(r -> {
                    if (!r.getKey().startsWith("2")) {
                        for (String m : messages(r.getValue())) {
                            found.computeIfAbsent(m, k -> new ArrayList<>())
                                    .add(op.getKey() + " " + path.getKey() + " " + r.getKey());
                        }
                    }
                })));
        return found;
    }

    /** The message enum of a response's operation-specific schema (the Unplanned branch left out). */
    private static TreeSet<String> messages(JsonNode response) {
        JsonNode resolved = resolve(response);
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode branch : resolved.path("content").path("application/json").path("schema").path("anyOf")) {
            if (branch.path("$ref").asText().endsWith("Unplanned")) { // Unplanned, EmulatorUnplanned
                continue;
            }
            JsonNode message = branch.path("properties").path("message");
            message.path("enum").forEach(m -> out.add(m.asText()));
            message.path("anyOf").forEach(a -> a.path("enum").forEach(m -> out.add(m.asText())));
        }
        return out;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = DOCUMENT.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    all.append(Files.readString(f)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return all.toString();
    }
}
