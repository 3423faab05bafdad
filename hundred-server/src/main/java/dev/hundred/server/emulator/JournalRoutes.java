package dev.hundred.server.emulator;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The request journal (docs/emulator.md): the last /v2 requests of the caller's workspace on this node.
 * <pre>
 * GET    /emulator/v1/requests?method=&path=&status=&limit=   newest first   curl -H "Authorization: Bearer $T" 'localhost:8080/emulator/v1/requests?path=/v2/rooms/*'
 * DELETE /emulator/v1/requests                                forget them    curl -X DELETE -H "Authorization: Bearer $T" localhost:8080/emulator/v1/requests
 * </pre>
 */
public final class JournalRoutes implements Routes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** {@code {"requests": [...]}}, newest first. */
    record Requests(List<JournalEntry> requests) {}

    private final RequestJournal journal;

    public JournalRoutes(RequestJournal journal) {
        this.journal = journal;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/emulator/v1/requests", this::list);
        routes.delete("/emulator/v1/requests", this::clear);
    }

    private void list(Context ctx) {
        String workspaceId = AuthFilter.workspace(ctx).id();
        Predicate<JournalEntry> filter = entry -> true;
        Optional<String> method = Params.text(ctx, "method", 16);
        if (method.isPresent()) {
            filter = filter.and(entry -> entry.method().equalsIgnoreCase(method.get()));
        }
        Optional<String> path = Params.text(ctx, "path", PathGlob.MAX_LENGTH);
        if (path.isPresent()) {
            PathGlob glob;
            try {
                glob = PathGlob.of(path.get());
            } catch (IllegalArgumentException e) {
                throw ApiError.badQuery("path " + e.getMessage());
            }
            filter = filter.and(entry -> glob.matches(entry.path()));
        }
        Optional<String> status = Params.text(ctx, "status", 3);
        if (status.isPresent()) {
            int code = status(status.get());
            filter = filter.and(entry -> entry.status() == code);
        }
        int limit = Params.limit(ctx, 1, DEFAULT_LIMIT, MAX_LIMIT);
        ctx.json(new Requests(journal.list(workspaceId, filter, limit)));
    }

    private static int status(String raw) {
        if (raw.matches("\\d{3}")) {
            int code = Integer.parseInt(raw);
            if (code >= 100 && code <= 599) {
                return code;
            }
        }
        throw ApiError.badQuery("status must be an HTTP status, 100 to 599");
    }

    private void clear(Context ctx) {
        ctx.json(Map.of("deleted", journal.clear(AuthFilter.workspace(ctx).id())));
    }
}
