package dev.hundred.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.OpenApiContract;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The document and the router agree on what /v2 serves: every route Javalin has under /v2 is an operation of
 * the document, and every operation of the document is a route. HEAD is left out: every GET answers it
 * (http/HeadLikeGet), and the contract checks a HEAD against its GET.
 */
class OpenApiCoverageTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head", "trace");

    static Set<String> served(Hundred server) {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint parsed : server.app().unsafe.internalRouter.allHttpHandlers()) {
            String path = parsed.endpoint.path;
            HandlerType method = parsed.endpoint.method;
            if (path.startsWith("/v2/") && method != HandlerType.HEAD && method.isHttpMethod()) {
                routes.add(method.name() + " " + path);
            }
        }
        return routes;
    }

    static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = OpenApiContract.get().document().path("paths");
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey()) && !op.getKey().equals("head")) {
                operations.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    @Test
    void everyRouteUnderV2IsDocumented() {
        Set<String> missing = new TreeSet<>(served(Backends.server(Backends.H2)));
        missing.removeAll(documented());
        assertThat(missing).as("routes the server serves that openapi.yaml does not describe").isEmpty();
    }

    /** What OpenAPI requires of each operation: a unique operationId, its path's parameters declared, responses. */
    @Test
    void everyOperationIsWellFormed() {
        Set<String> ids = new TreeSet<>();
        java.util.List<String> problems = new java.util.ArrayList<>();
        OpenApiContract.get().document().path("paths").properties().forEach(path -> {
            Set<String> inTemplate = new TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
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
            });
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(served(Backends.server(Backends.H2)));
        assertThat(extra).as("operations openapi.yaml describes that the server does not serve").isEmpty();
    }
}
