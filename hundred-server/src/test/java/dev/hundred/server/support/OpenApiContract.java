package dev.hundred.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import dev.hundred.server.openapi.OpenApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI document (main resources, {@code openapi/openapi.yaml}: every prefix the server serves) as a
 * contract every test keeps:
 * every test helper that talks HTTP to the server ({@link Client}, {@link RawHttp}, {@link ChildServer}, the
 * guard's, the dashboard's {@code Browser}, the download helpers) hands each exchange to {@link #check}, and a
 * response whose status the operation does not declare, or whose body its schema refuses, fails the test; so
 * does the body, or a query parameter, of a request that succeeded (2xx) and the document does not allow. A
 * request refused (4xx) is not checked as a request, since tests send malformed ones on purpose; only its error
 * answer is. A success on a path the document does not describe fails. What never reached routing (Jetty's own
 * refusals of broken HTTP) goes to {@link #refused} instead. Loaded once per JVM, every schema compiled then.
 */
public final class OpenApiContract {
    private static final String DOCUMENT_URI = "https://hundred.dev/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiContract instance;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Operation> paths = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** One path template of the document: its regex and its path item. */
    public record Operation(String template, Pattern pattern, int literals, JsonNode item) {}

    private OpenApiContract() {
        String json = OpenApiDocument.load().json();
        try {
            document = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT_URI, json))
                .schemaRegistryConfig(config));
        document.path("paths").properties().forEach(entry -> paths.add(operation(entry.getKey(), entry.getValue())));
        // The most literal template first: /v2/recordings/room/{room_id}/stop before /v2/recordings/{id}/stop.
        paths.sort(Comparator.comparingInt(Operation::literals).reversed());
        compileAll();
    }

    /**
     * Every schema the checks can use, compiled now: compiling one on first use took long enough to change
     * the timing of the request that needed it (a recording stopped before it ran, in a test that wants that).
     */
    private void compileAll() {
        List<String> fragments = new ArrayList<>();
        collect(document.path("paths"), "#/paths", fragments);
        collect(document.path("components"), "#/components", fragments);
        fragments.add("#/components/schemas/Error");
        for (String fragment : fragments) {
            schemas.computeIfAbsent(fragment, f -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + f)))
                    .initializeValidators();
        }
    }

    /** The pointers of every "schema" member under {@code node} (not inside schemas themselves). */
    private static void collect(JsonNode node, String at, List<String> into) {
        node.properties().forEach(e -> {
            String here = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            if (e.getKey().equals("schema") && e.getValue().isObject()) {
                into.add(here);
            } else if (e.getValue().isObject() && !e.getKey().equals("schemas")) {
                collect(e.getValue(), here, into);
            } else if (e.getValue().isArray()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    collect(e.getValue().get(i), here + "/" + i, into);
                }
            }
        });
    }

    public static OpenApiContract get() {
        OpenApiContract loaded = instance;
        if (loaded == null) {
            synchronized (OpenApiContract.class) {
                if (instance == null) {
                    instance = new OpenApiContract();
                }
                loaded = instance;
            }
        }
        return loaded;
    }

    public JsonNode document() {
        return document;
    }

    /**
     * A template's regex: a parameter is one segment, but one its path parameter marks {@code x-segments: many}
     * (the rest of an HLS path, Javalin's {@code <path>}) takes one or more.
     */
    private static Operation operation(String template, JsonNode item) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        Set<String> many = ServedRoutes.manySegmentParameters(item);
        for (String segment : template.substring(1).split("/", -1)) {
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                regex.append(many.contains(segment.substring(1, segment.length() - 1)) ? "[^/]+(?:/[^/]+)*" : "[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
                literals++;
            }
        }
        return new Operation(template, Pattern.compile(regex.toString()), literals, item);
    }

    /** The document's path that serves this request path (no query), or null. */
    public Operation find(String path) {
        for (Operation operation : paths) {
            if (operation.pattern().matcher(path).matches()) {
                return operation;
            }
        }
        return null;
    }

    /**
     * Checks one exchange: the one way every test helper hands the contract what it sent and what came back.
     * {@code target} is the request target: the path with its query, or an absolute URL (a presigned link, an
     * absolute-form request line), of which only the path and query count; {@code requestBody} the bytes sent
     * (null: none); {@code contentType} and {@code responseBody} the answer's (null body: none).
     */
    public void check(String method, String target, byte[] requestBody, int status, String contentType, byte[] responseBody) {
        check(method, target, requestBody, status, contentType, responseBody, name -> null);
    }

    /**
     * {@link #check}, and each response header the document declares for that answer that came (its value by
     * name, any case; null when absent) holds a value of its schema: a file's Content-Range, a page's cache policy.
     * What a binary or streaming body can be checked for, besides its status and content type.
     */
    public void check(String method, String target, byte[] requestBody, int status, String contentType, byte[] responseBody,
                      java.util.function.Function<String, String> header) {
        String local = origin(target);
        int q = local.indexOf('?');
        String path = normalize(q < 0 ? local : local.substring(0, q));
        checkOperation(method, path, q < 0 ? "" : local.substring(q + 1), text(requestBody), status, text(responseBody), contentType,
                header);
    }

    /** {@link #check} with text bodies (UTF-8, null: none), for the tests of the contract itself. */
    public void check(String method, String target, String requestBody, int status, String responseBody, String contentType) {
        check(method, target, requestBody == null ? null : requestBody.getBytes(StandardCharsets.UTF_8), status, contentType,
                responseBody == null ? null : responseBody.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An exchange exempt from {@link #check}: the server refused it before routing (Jetty's parser: a broken
     * Content-Length or chunked framing, an invalid percent-escape, a URI or headers over its limits, no Host or
     * two, {@code Expect} it cannot meet), so no operation of the document describes it, and the statuses it
     * answers (414, 417, 431 ...) are Jetty's, not the operation's. What is still checkable is: for any path,
     * an error (400-599) in the error shape (http/JsonErrorHandler writes it, whatever the path; docs/settled.md).
     * A target that is not a path (OPTIONS *, CONNECT host:port) passes.
     */
    public void refused(String method, String target, int status, String contentType, byte[] responseBody) {
        String local = origin(target == null ? "" : target);
        int q = local.indexOf('?');
        String path = normalize(q < 0 ? local : local.substring(0, q));
        if (!path.startsWith("/")) {
            return;
        }
        String name = method + " " + path + " (refused before routing)";
        String body = text(responseBody);
        if (status < 400 || status > 599) {
            throw violation(name, status, "a request refused before routing answers an error", body);
        }
        if (method.equalsIgnoreCase("HEAD")) {
            return; // an answer to HEAD has no body
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw violation(name, status, "an error with Content-Type '" + contentType + "', not application/json", body);
        }
        validate(name + " -> " + status, "#/components/schemas/Error", body, status);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The origin-form (path and query) of a request target that may be absolute ({@code http://host/v2/...}). */
    private static String origin(String target) {
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < 8 && !target.startsWith("/")) {
            int slash = target.indexOf('/', scheme + 3);
            int query = target.indexOf('?', scheme + 3);
            if (slash < 0 || (query >= 0 && query < slash)) {
                return "/" + (query < 0 ? "" : target.substring(query));
            }
            return target.substring(slash);
        }
        return target;
    }

    /**
     * The path as the router sees it: trailing slashes dropped (Javalin ignores them), dot segments kept as they
     * are (Jetty hands them to the router unresolved: {@code /v2/polls/.} is the poll whose id is ".").
     */
    private static String normalize(String path) {
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private void checkOperation(String method, String path, String query, String requestBody, int status, String responseBody,
                         String contentType, java.util.function.Function<String, String> header) {
        String verb = method.toLowerCase(Locale.ROOT);
        Operation found = find(path);
        JsonNode operation = found == null ? null : found.item().get(verb.equals("head") ? "get" : verb);
        String name = method + " " + (found == null ? path : found.template());
        if (operation == null) {
            // Not served: the router's own 404 / 405, or a fault the emulator injects on any path; the error shape.
            if (status < 400) {
                throw violation(name, status, "the document has no such operation", responseBody);
            }
            if (!verb.equals("head")) { // an answer to HEAD has no body
                validate(name + " -> " + status, "#/components/schemas/Error", responseBody, status);
            }
            return;
        }
        JsonNode response = response(operation, status);
        if (response == null) {
            throw violation(name, status, "status " + status + " is not declared for this operation", responseBody);
        }
        response = resolve(response);
        if (status >= 200 && status < 300) {
            checkQuery(name, operation, found.item(), query, status, responseBody);
            checkRequestBody(name, operation, requestBody, status);
        }
        if (!verb.equals("head")) {
            checkResponseBody(name, response, status, responseBody, contentType);
        }
        checkHeaders(name, response, status, header);
    }

    private void checkHeaders(String name, JsonNode response, int status, java.util.function.Function<String, String> header) {
        response.path("headers").properties().forEach(declared -> {
            String value = header.apply(declared.getKey());
            JsonNode spec = resolve(declared.getValue());
            if (value != null && spec.has("schema")) {
                validate(name + " (header " + declared.getKey() + ")", pointer(spec, "schema"), typed(value, spec.get("schema")),
                        status);
            }
        });
    }

    private void checkResponseBody(String name, JsonNode response, int status, String body, String contentType) {
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                throw violation(name, status, "the document declares no body for this response", body);
            }
            return;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode declared = content.get(media);
        if (declared == null) {
            throw violation(name, status, "content type '" + contentType + "' is not declared (declared: "
                    + fieldNames(content) + ")", body);
        }
        if (media.endsWith("json") && declared.has("schema")) {
            validate(name + " -> " + status, pointer(response, "content", media, "schema"), body, status);
        }
    }

    private void checkRequestBody(String name, JsonNode operation, String body, int status) {
        if (body == null || body.isBlank()) { // the server reads a blank body as no payload (http/Json)
            return;
        }
        JsonNode requestBody = operation.get("requestBody");
        if (requestBody == null) {
            return; // an operation that takes no body does not read one: whatever was sent is ignored (SDKs send {})
        }
        requestBody = resolve(requestBody);
        JsonNode media = requestBody.path("content").get("application/json");
        if (media != null && media.has("schema")) {
            validate(name + " (request)", pointer(requestBody, "content", "application/json", "schema"), withoutNulls(body),
                    status);
        }
    }

    /**
     * The body with every null member left out: the server binds a member that is null as one that is absent (a
     * record's field stays null, the rules fill its default), so {@code "name": null} is accepted wherever a name may be
     * left out, and the document, which types each field, need not say "or null" on every one. Not JSON: as it came.
     */
    private static String withoutNulls(String body) {
        try {
            JsonNode tree = JSON.readTree(body);
            return tree == null ? body : JSON.writeValueAsString(dropNulls(tree));
        } catch (java.io.IOException e) {
            return body;
        }
    }

    private static JsonNode dropNulls(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.properties().removeIf(member -> member.getValue().isNull());
            object.forEach(OpenApiContract::dropNulls);
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::dropNulls);
        }
        return node;
    }

    /**
     * Every declared query parameter of a request that succeeded holds a value of its schema (a number where an
     * integer is declared, one of its enum). Names the document does not declare are not failed: the server
     * ignores parameters it does not read, as the cloud does, and tests send such on purpose (the journal's).
     */
    private void checkQuery(String name, JsonNode operation, JsonNode item, String query, int status, String body) {
        if (query.isEmpty()) {
            return;
        }
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode parameters : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode p = resolve(parameter);
                if ("query".equals(p.path("in").asText())) {
                    declared.put(p.path("name").asText(), p);
                }
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            JsonNode parameter = declared.get(key);
            if (pair.isEmpty() || parameter == null || eq < 0 || !parameter.has("schema")) {
                continue;
            }
            // A repeated parameter: the server reads the first value, except for the repeatable ones (explode).
            if (!seen.add(key) && !parameter.path("explode").asBoolean(false)) {
                continue;
            }
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (value.isEmpty()) {
                continue; // an empty value reads as absent (http/Params)
            }
            validate(name + " (query " + key + ")", pointer(parameter, "schema"), typed(value, parameter.get("schema")), status);
        }
    }

    /**
     * A query value as the JSON it stands for under its schema, read as the server reads it (http/Params): an
     * integer where one is declared (surrounding blanks ignored), a boolean where one is (blanks and case ignored,
     * 1 and 0 too), else a string.
     */
    private static String typed(String value, JsonNode schema) {
        String types = schema.path("type").toString();
        String trimmed = value.trim();
        if (types.contains("integer") && trimmed.matches("-?\\d+")) {
            return trimmed.replaceFirst("^(-?)0+(?=\\d)", "$1");
        }
        if (types.contains("boolean")) {
            switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "true", "1": return "true";
                case "false", "0": return "false";
                default: break;
            }
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The response object for a status: exact, then its range ("4XX"), then "default" (the emulator's injected
     * faults), which stands for errors only: a success must be declared as itself. Null if none.
     */
    private static JsonNode response(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        JsonNode exact = responses.get(Integer.toString(status));
        if (exact != null) {
            return exact;
        }
        JsonNode range = responses.get((status / 100) + "XX");
        return range != null ? range : status >= 400 ? responses.get("default") : null;
    }

    /** Follows a local {@code $ref} (#/components/...) to the object it names. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** The JSON pointer (as a $ref fragment) of a node of the document reached from {@code from}. */
    private String pointer(JsonNode from, String... steps) {
        String base = locate(document, from, "");
        if (base == null) {
            throw new IllegalStateException("node not found in the document");
        }
        StringBuilder p = new StringBuilder("#").append(base);
        for (String step : steps) {
            p.append('/').append(step.replace("~", "~0").replace("/", "~1"));
        }
        return p.toString();
    }

    private static String locate(JsonNode at, JsonNode target, String here) {
        if (at == target) {
            return here;
        }
        if (at.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = at.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String found = locate(e.getValue(), target, here + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
                if (found != null) {
                    return found;
                }
            }
        } else if (at.isArray()) {
            for (int i = 0; i < at.size(); i++) {
                String found = locate(at.get(i), target, here + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void validate(String name, String fragment, String body, int status) {
        Schema schema = schemas.computeIfAbsent(fragment, f -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + f)));
        List<Error> errors;
        try {
            errors = schema.validate(body == null ? "" : body, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw violation(name, status, "the body is not JSON: " + e.getMessage(), body);
        }
        if (!errors.isEmpty()) {
            StringBuilder why = new StringBuilder("the body does not match " + fragment + ":");
            errors.stream().limit(8).forEach(e -> why.append("\n  at '").append(e.getInstanceLocation())
                    .append("': ").append(e.getMessage()));
            throw violation(name, status, why.toString(), body);
        }
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static AssertionError violation(String name, int status, String why, String body) {
        String shown = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
        return new AssertionError("OpenAPI contract: " + name + " (status " + status + "): " + why + "\nbody: " + shown);
    }
}
