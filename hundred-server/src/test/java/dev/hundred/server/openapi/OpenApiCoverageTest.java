package dev.hundred.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.Backends;
import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.ServedRoutes;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The document and the router agree on everything the server serves, every prefix (/v2, /emulator/v1, /assets,
 * /hls, /gateway's WebSocket, /dashboard, /metrics, /healthz): every route Javalin has, HTTP or WebSocket, is an
 * operation of the document, and every operation of the document is a route. HEAD is left out: every GET answers
 * it (http/HeadLikeGet), and the contract checks a HEAD against its GET.
 */
class OpenApiCoverageTest {
    @Test
    void theDocumentDescribesEveryRouteAndNothingElse() {
        Set<String> served = ServedRoutes.served(Backends.server(Backends.H2), "/");
        Set<String> documented = ServedRoutes.documented(OpenApiContract.get().document());
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(served);
        assertThat(missing).as("routes the server serves that openapi.yaml does not describe").isEmpty();
        assertThat(extra).as("operations openapi.yaml describes that the server does not serve").isEmpty();
        assertThat(served).as("every prefix is looked at").contains("GET /gateway/v1/peer", "GET /metrics",
                "GET /hls/v1/{stream_id}/{token}/{path}", "POST /emulator/v1/clock", "GET /v2/rooms");
    }

    /** What OpenAPI requires of each operation: a unique operationId, its path's parameters declared, responses. */
    @Test
    void everyOperationIsWellFormed() {
        assertThat(ServedRoutes.malformed(OpenApiContract.get().document())).isEmpty();
    }
}
