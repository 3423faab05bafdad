package dev.hundred.server.emulator;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import dev.hundred.server.workspaces.Workspace;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The event inbox (docs/emulator.md): every webhook event of the caller's workspace, webhook or not.
 * <pre>
 * GET /emulator/v1/events?type=&room_id=&after=&limit=&wait_seconds=   oldest first after `after`
 *     curl -H "Authorization: Bearer $T" 'localhost:8080/emulator/v1/events?type=peer.join.success&wait_seconds=10'
 * </pre>
 */
public final class InboxRoutes implements Routes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_WAIT_SECONDS = 60;

    private final EventInbox inbox;

    public InboxRoutes(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/emulator/v1/events", this::list);
    }

    private void list(Context ctx) {
        Workspace ws = AuthFilter.workspace(ctx);
        List<String> types = new ArrayList<>();
        for (String type : ctx.queryParams("type")) {
            if (!type.isEmpty()) {
                Params.checkText("type", type, 128);
                types.add(type);
            }
        }
        InboxQuery query = new InboxQuery(List.copyOf(types), Params.text(ctx, "room_id", 255).orElse(null),
                Params.text(ctx, "after", 64).orElse(null), Params.limit(ctx, 1, DEFAULT_LIMIT, MAX_LIMIT));
        Duration wait = waitOf(ctx);
        CompletableFuture<InboxPage> page = inbox.await(ws, query, wait);
        if (page.isDone()) {
            ctx.json(page.join());
            return;
        }
        // Waits without this thread: Javalin answers when the future completes.
        ctx.future(() -> page.thenAccept(ctx::json));
    }

    private static Duration waitOf(Context ctx) {
        String raw = Params.string(ctx, "wait_seconds").orElse("0").trim();
        try {
            if (raw.length() > 32) {
                throw new NumberFormatException("too long");
            }
            BigDecimal seconds = new BigDecimal(raw);
            if (seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(MAX_WAIT_SECONDS)) <= 0) {
                return Duration.ofMillis(seconds.movePointRight(3).longValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // answered below
        }
        throw ApiError.badQuery("wait_seconds must be a number of seconds from 0 to " + MAX_WAIT_SECONDS);
    }
}
