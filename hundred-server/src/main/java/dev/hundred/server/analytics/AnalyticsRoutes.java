package dev.hundred.server.analytics;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Optional;

/**
 * Analytics events and peer quality stats over HTTP (spec §13.1, §13.4). The webhook history and replay
 * (§13.2, §13.3) are the webhooks feature's.
 * <pre>
 * GET /v2/analytics/events       events of a room    curl -H "Authorization: Bearer $T" 'localhost:8080/v2/analytics/events?room_id=$ROOM&amp;type=track.add.success&amp;limit=50'
 * GET /v2/analytics/peer-stats   a peer's stats      curl -H "Authorization: Bearer $T" 'localhost:8080/v2/analytics/peer-stats?peer_id=$PEER&amp;session_id=$SESSION'
 * </pre>
 */
final class AnalyticsRoutes implements Routes {
    /** overview.mdx: "Default: 10, Min: 1, Max: 100"; outside that it is clamped, like every other list. */
    static final int MIN_LIMIT = 1;
    /** Longer than any id or user id the server keeps: refused rather than looked for. */
    static final int MAX_FILTER = 1024;

    private final EventService events;
    private final PeerStatsService stats;

    AnalyticsRoutes(EventService events, PeerStatsService stats) {
        this.events = events;
        this.stats = stats;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/v2/analytics/events", this::events);
        routes.get("/v2/analytics/peer-stats", this::peerStats);
    }

    private void events(Context ctx) {
        String roomId = filter(ctx, "room_id").orElseThrow(() -> AnalyticsErrors.required("room_id"));
        List<String> types = ctx.queryParams("type").stream().filter(t -> !t.isEmpty()).toList();
        types.forEach(t -> Params.checkText("type", t, MAX_FILTER));
        EventQuery query = new EventQuery(roomId, types, Params.bool(ctx, "error").orElse(false),
                filter(ctx, "session_id").orElse(null), filter(ctx, "peer_id").orElse(null),
                filter(ctx, "user_id").orElse(null), filter(ctx, "beam_id").orElse(null),
                Params.limit(ctx, MIN_LIMIT, Params.DEFAULT_LIMIT, Params.MAX_LIMIT),
                filter(ctx, "start").orElse(null));
        ctx.json(events.list(AuthFilter.workspace(ctx), query));
    }

    private void peerStats(Context ctx) {
        String peerId = filter(ctx, "peer_id").orElseThrow(() -> AnalyticsErrors.required("peer_id"));
        String sessionId = filter(ctx, "session_id").orElseThrow(() -> AnalyticsErrors.required("session_id"));
        ctx.json(stats.get(AuthFilter.workspace(ctx), sessionId, peerId));
    }

    private static Optional<String> filter(Context ctx, String name) {
        return Params.text(ctx, name, MAX_FILTER);
    }
}
