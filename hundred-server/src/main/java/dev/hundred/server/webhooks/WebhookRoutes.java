package dev.hundred.server.webhooks;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.List;

/**
 * Webhooks over HTTP: the delivery history and replay (spec §13.2-§13.3), and the emulator's way to set
 * the caller workspace's webhook (the cloud does it in its dashboard).
 * <pre>
 * GET    /v2/analytics/webhooks                       history   curl -H "Authorization: Bearer $T" 'localhost:8080/v2/analytics/webhooks?status=failed'
 * POST   /v2/analytics/webhooks/replay                replay    curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/analytics/webhooks/replay -d '{"status":"failed"}'
 * GET    /v2/analytics/webhooks/replay/{workflow_id}  progress  curl -H "Authorization: Bearer $T" localhost:8080/v2/analytics/webhooks/replay/$W
 * POST   /emulator/v1/webhook                         set       curl -X POST -H "Authorization: Bearer $T" localhost:8080/emulator/v1/webhook -d '{"url":"http://127.0.0.1:9000/hook"}'
 * GET    /emulator/v1/webhook                         read      curl -H "Authorization: Bearer $T" localhost:8080/emulator/v1/webhook
 * DELETE /emulator/v1/webhook                         unset     curl -X DELETE -H "Authorization: Bearer $T" localhost:8080/emulator/v1/webhook
 * </pre>
 */
public final class WebhookRoutes implements Routes {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final WebhookHistoryService history;
    private final ReplayService replays;
    private final WebhookSettingsService settings;

    public WebhookRoutes(WebhookHistoryService history, ReplayService replays, WebhookSettingsService settings) {
        this.history = history;
        this.replays = replays;
        this.settings = settings;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/v2/analytics/webhooks", this::list);
        routes.post("/v2/analytics/webhooks/replay", this::replay);
        routes.get("/v2/analytics/webhooks/replay/{workflow_id}", this::replayStatus);
        routes.post("/emulator/v1/webhook", this::set);
        routes.get("/emulator/v1/webhook", this::get);
        routes.delete("/emulator/v1/webhook", this::clear);
    }

    private void list(Context ctx) {
        String status = Params.string(ctx, "status").orElse("all");
        if (!HistoryFilter.STATUSES.contains(status)) {
            throw ApiError.badQuery("status must be one of all, failed, success");
        }
        int limit = Math.max(1, Math.min(MAX_LIMIT, integer(ctx, "limit", DEFAULT_LIMIT)));
        int page = Math.max(1, integer(ctx, "page", 1));
        ctx.json(history.list(AuthFilter.workspace(ctx), Params.time(ctx, "start_time").orElse(null),
                Params.time(ctx, "end_time").orElse(null), Params.string(ctx, "room_id").orElse(null),
                eventNames(ctx), status, limit, page));
    }

    private void replay(Context ctx) {
        ctx.json(replays.start(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), ReplayBody.class)));
    }

    private void replayStatus(Context ctx) {
        ctx.json(replays.status(AuthFilter.workspace(ctx), ctx.pathParam("workflow_id")));
    }

    private void set(Context ctx) {
        ctx.json(WebhookSettingsView.of(settings.set(AuthFilter.workspace(ctx),
                Json.readBody(ctx.bodyAsBytes(), WebhookSettings.class))));
    }

    private void get(Context ctx) {
        ctx.json(WebhookSettingsView.of(settings.get(AuthFilter.workspace(ctx))
                .orElseThrow(() -> ApiError.notFound("Webhook not configured"))));
    }

    private void clear(Context ctx) {
        settings.clear(AuthFilter.workspace(ctx));
        ctx.status(204);
    }

    /** Repeated ({@code event_names=a&event_names=b}) and, leniently, comma-separated. */
    private static List<String> eventNames(Context ctx) {
        return ctx.queryParams("event_names").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static int integer(Context ctx, String name, int fallback) {
        String raw = Params.string(ctx, name).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            if (raw.trim().matches("-?\\d+")) {
                return raw.trim().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            throw ApiError.badQuery(name + " must be an integer");
        }
    }
}
