package dev.hundred.server.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The counts the state gauges show, across every workspace: what an operator watches. */
final class StateStore {

    long livePeers(Handle h) {
        return count(h, "SELECT COUNT(*) FROM session_peers WHERE left_at IS NULL");
    }

    long activeRooms(Handle h) {
        return count(h, "SELECT COUNT(*) FROM sessions WHERE active = TRUE");
    }

    /** Deliveries not finished yet: due, in flight or waiting for a retry. */
    long webhookQueue(Handle h) {
        return count(h, "SELECT COUNT(*) FROM webhook_outbox");
    }

    long timersPending(Handle h) {
        return count(h, "SELECT COUNT(*) FROM timers");
    }

    Map<String, Long> jobsByKindAndStatus(Handle h) {
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery("SELECT kind, status, COUNT(*) AS n FROM media_jobs GROUP BY kind, status")
                .map((rs, ctx) -> Map.entry(rs.getString("kind") + "/" + rs.getString("status"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }
}
