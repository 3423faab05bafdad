package dev.hundred.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.Backends;
import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.ServedRoutes;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The document and the router agree on what /v2 serves: every route Javalin has under /v2 is an operation of
 * the document, and every operation of the document is a route. HEAD is left out: every GET answers it
 * (http/HeadLikeGet), and the contract checks a HEAD against its GET.
 */
class OpenApiCoverageTest {
    private static Set<String> served() {
        return ServedRoutes.served(Backends.server(Backends.H2), "/v2/");
    }

    private static Set<String> documented() {
        return ServedRoutes.documented(OpenApiContract.get().document());
    }

    @Test
    void everyRouteUnderV2IsDocumented() {
        Set<String> missing = new TreeSet<>(served());
        missing.removeAll(documented());
        assertThat(missing).as("routes the server serves that openapi.yaml does not describe").isEmpty();
    }

    /** What OpenAPI requires of each operation: a unique operationId, its path's parameters declared, responses. */
    @Test
    void everyOperationIsWellFormed() {
        assertThat(ServedRoutes.malformed(OpenApiContract.get().document())).isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(served());
        assertThat(extra).as("operations openapi.yaml describes that the server does not serve").isEmpty();
    }
}
