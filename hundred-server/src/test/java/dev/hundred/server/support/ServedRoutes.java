package dev.hundred.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes a server serves under a prefix and the operations an OpenAPI document describes, both as
 * {@code "METHOD /path/{param}"}, for the coverage tests that compare them. HEAD is left out: every GET answers
 * it (http/HeadLikeGet), and the contract checks a HEAD against its GET.
 */
public final class ServedRoutes {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "trace");

    private ServedRoutes() {}

    /** Javalin's registered routes whose path starts with {@code prefix} (e.g. "/emulator/v1/"). */
    public static Set<String> served(Hundred server, String prefix) {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint parsed : server.app().unsafe.internalRouter.allHttpHandlers()) {
            String path = parsed.endpoint.path;
            HandlerType method = parsed.endpoint.method;
            if (path.startsWith(prefix) && method != HandlerType.HEAD && method.isHttpMethod()) {
                routes.add(method.name() + " " + path);
            }
        }
        return routes;
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
}
