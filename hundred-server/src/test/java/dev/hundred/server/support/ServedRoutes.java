package dev.hundred.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.javalin.websocket.WsHandlerEntry;
import io.javalin.websocket.WsHandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes a server serves and the operations an OpenAPI document describes, both as
 * {@code "METHOD /path/{param}"}, for the coverage test that compares them. HEAD is left out: every GET answers
 * it (http/HeadLikeGet), and the contract checks a HEAD against its GET. A WebSocket route is its handshake, a GET.
 * Javalin's {@code <name>} (a parameter that takes the rest of the path, slashes too) reads as {@code {name}}:
 * OpenAPI has no such template, so the document marks that parameter {@code x-segments: many} instead.
 */
public final class ServedRoutes {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "trace");

    private ServedRoutes() {}

    /** Every route the server's router has, HTTP and WebSocket, whose path starts with {@code prefix} ("/": all). */
    public static Set<String> served(Hundred server, String prefix) {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint parsed : server.app().unsafe.internalRouter.allHttpHandlers()) {
            String path = parsed.endpoint.path;
            HandlerType method = parsed.endpoint.method;
            if (path.startsWith(prefix) && method != HandlerType.HEAD && method.isHttpMethod()) {
                routes.add(method.name() + " " + openApiPath(path));
            }
        }
        for (WsHandlerEntry ws : server.app().unsafe.internalRouter.allWsHandlers()) {
            if (ws.getType() == WsHandlerType.WEBSOCKET && ws.getPath().startsWith(prefix)) {
                routes.add("GET " + openApiPath(ws.getPath()));
            }
        }
        return routes;
    }

    /** A Javalin path as an OpenAPI template: {@code <name>} (slashes allowed) as {@code {name}}. */
    static String openApiPath(String javalin) {
        return javalin.replaceAll("<(\\w+)>", "{$1}");
    }

    /** The path parameters of a path item (its own or its operations') marked {@code x-segments: many}. */
    static Set<String> manySegmentParameters(JsonNode item) {
        Set<String> names = new TreeSet<>();
        List<JsonNode> lists = new ArrayList<>(List.of(item.path("parameters")));
        item.properties().forEach(op -> lists.add(op.getValue().path("parameters")));
        for (JsonNode list : lists) {
            for (JsonNode p : list) {
                if ("path".equals(p.path("in").asText()) && "many".equals(p.path("x-segments").asText())) {
                    names.add(p.path("name").asText());
                }
            }
        }
        return names;
    }

    /** Every operation of an OpenAPI document but HEAD. */
    public static Set<String> documented(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    /**
     * What OpenAPI requires of each operation of {@code document}: a unique operationId, its path's parameters
     * declared, responses; plus what {@code more} finds wrong with an operation ("METHOD /path", its node).
     */
    public static List<String> malformed(JsonNode document, BiConsumer<String, JsonNode> more, List<String> problems) {
        Set<String> ids = new TreeSet<>();
        document.path("paths").properties().forEach(path -> {
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            path.getValue().properties().forEach(op -> {
                String name = op.getKey() + " " + path.getKey();
                if (!ids.add(op.getValue().path("operationId").asText())) {
                    problems.add(name + ": operationId missing or not unique");
                }
                Set<String> declared = new TreeSet<>();
                op.getValue().path("parameters").forEach(p -> {
                    if ("path".equals(p.path("in").asText())) {
                        declared.add(p.path("name").asText());
                    }
                });
                if (!declared.equals(inTemplate)) {
                    problems.add(name + ": path parameters " + declared + " but the template has " + inTemplate);
                }
                if (op.getValue().path("responses").isEmpty()) {
                    problems.add(name + ": no responses");
                }
                more.accept(name, op.getValue());
            });
        });
        return problems;
    }

    /** {@link #malformed(JsonNode, BiConsumer, List)} with nothing more to check. */
    public static List<String> malformed(JsonNode document) {
        return malformed(document, (name, op) -> { }, new ArrayList<>());
    }
}
