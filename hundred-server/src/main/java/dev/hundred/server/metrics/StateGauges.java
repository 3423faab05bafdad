package dev.hundred.server.metrics;

import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.store.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the database holds right now (live peers, rooms in session, the webhook queue, pending timers, media
 * jobs by kind and state), read once per scrape: the rows are shared by every node, so any node's
 * {@code /metrics} shows the whole deployment, and nothing has to be counted as it changes.
 */
public final class StateGauges {
    private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);
    static final List<String> JOB_KINDS = List.of("recording", "live_stream", "external_stream");

    private final Database db;
    private final StateStore store = new StateStore();
    private final AtomicLong livePeers = new AtomicLong();
    private final AtomicLong activeRooms = new AtomicLong();
    private final AtomicLong webhookQueue = new AtomicLong();
    private final AtomicLong timers = new AtomicLong();
    private final Map<String, AtomicLong> jobs = new ConcurrentHashMap<>();

    public StateGauges(Database db, MeterRegistry registry) {
        this.db = db;
        Gauge.builder("hundred.live.peers", livePeers, AtomicLong::get).description("peers connected now")
                .register(registry);
        Gauge.builder("hundred.live.rooms", activeRooms, AtomicLong::get).description("rooms with a session running now")
                .register(registry);
        Gauge.builder("hundred.webhooks.queue", webhookQueue, AtomicLong::get)
                .description("webhook deliveries not finished: due, in flight or waiting to retry").register(registry);
        Gauge.builder("hundred.timers.pending", timers, AtomicLong::get).description("durable timers not fired yet")
                .register(registry);
        for (String kind : JOB_KINDS) {
            for (String status : MediaJob.STATUSES) {
                AtomicLong n = jobs.computeIfAbsent(kind + "/" + status, k -> new AtomicLong());
                Gauge.builder("hundred.jobs", n, AtomicLong::get).description("media jobs by kind and state")
                        .tag("kind", kind).tag("status", status).register(registry);
            }
        }
    }

    /** Reads the counts; a database that cannot answer leaves the last ones (and says so in the log). */
    void refresh() {
        try {
            db.read(h -> {
                livePeers.set(store.livePeers(h));
                activeRooms.set(store.activeRooms(h));
                webhookQueue.set(store.webhookQueue(h));
                timers.set(store.timersPending(h));
                Map<String, Long> counts = store.jobsByKindAndStatus(h);
                jobs.forEach((key, n) -> n.set(counts.getOrDefault(key, 0L)));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not read the state gauges", e);
        }
    }
}
