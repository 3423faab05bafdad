package dev.hundred.server.webhooks;

import dev.hundred.server.events.RoomEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;

/**
 * Turns each {@link RoomEvent} into a queued delivery, on the Handle of the change that caused it, so
 * the webhook commits or rolls back with the change (never lost, never invented). No destination
 * configured means nothing is queued and nothing is recorded: the cloud only records deliveries.
 */
public final class Outbox {
    static final int MAX_KEY = 255;

    /**
     * Order of a replay's own lane and of history rows written directly: microseconds, increasing in this
     * process. A room's webhooks take their order from the database instead ({@link OutboxStore#nextSeq}).
     */
    private static final AtomicLong SEQ = new AtomicLong();

    private final WebhookSettingsService settings;
    private final OutboxStore store;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public Outbox(WebhookSettingsService settings, OutboxStore store, Dispatcher dispatcher, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The RoomEvent subscriber. */
    public void queue(Handle h, RoomEvent event) {
        Optional<Destination> destination = settings.destination(h, event.workspace().id(), event.roomId());
        if (destination.isEmpty()) {
            return;
        }
        Destination to = destination.get();
        String id = event.id(); // the envelope's id, the same the emulator's inbox shows
        String room = clip(event.roomId() == null ? "" : event.roomId());
        Instant now = clock.instant();
        Instant at = event.at().truncatedTo(ChronoUnit.MICROS); // what both databases keep
        store.insert(h, new OutboxRow(id, room, store.nextSeq(h, room, now), event.workspace().id(), room, id, event.type(),
                at, Envelope.of(id, event, at), to.url(), clip(to.host()), to.headers(), to.signingSecret(), 0, now,
                null, now), now);
        h.afterCommit(dispatcher::wake);
    }

    static long nextSeq(Instant now) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return SEQ.updateAndGet(last -> Math.max(last + 1, micros));
    }

    private static String clip(String s) {
        return s.length() <= MAX_KEY ? s : s.substring(0, MAX_KEY);
    }
}
