package dev.hundred.server.webhooks;

import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Routes;
import dev.hundred.server.store.Database;
import java.time.Clock;

/**
 * The webhook feature, assembled: settings, the outbox that subscribes to {@link RoomEvent}, the
 * dispatcher, history and replay. {@code Hundred} builds one, adds its routes, starts and closes it.
 */
public final class Webhooks implements AutoCloseable {
    private final WebhookSettingsService settings;
    private final Dispatcher dispatcher;
    private final WebhookRoutes routes;
    private final WebhookHistoryService history;

    public Webhooks(Database db, DomainEvents events, WebhookOptions options, Clock clock, Clock wall) {
        OutboxStore outboxStore = new OutboxStore(new dev.hundred.server.store.Sequences(db.dialect()));
        WebhookHistoryStore historyStore = new WebhookHistoryStore();
        this.settings = new WebhookSettingsService(db, new WebhookSettingsStore(), options.targets(), clock);
        this.dispatcher = new Dispatcher(db, outboxStore, options, clock, wall);
        Outbox outbox = new Outbox(settings, outboxStore, dispatcher, clock);
        events.subscribe(RoomEvent.class, outbox::queue);
        ReplayService replays = new ReplayService(db, historyStore, new ReplayStore(), outboxStore, settings, dispatcher, clock);
        this.history = new WebhookHistoryService(db, historyStore, clock);
        this.routes = new WebhookRoutes(history, replays, settings);
    }

    /** The delivery history (the dashboard reads each delivery's attempts from it). */
    public WebhookHistoryService history() {
        return history;
    }

    public WebhookSettingsService settings() {
        return settings;
    }

    public Routes routes() {
        return routes;
    }

    /** Deliveries by outcome and their attempts' latency into {@code registry}. */
    public void measureInto(io.micrometer.core.instrument.MeterRegistry registry) {
        dispatcher.measureInto(registry);
    }

    /** Something may have fallen due (the server clock moved): look now rather than at the next poll. */
    public void wake() {
        dispatcher.wake();
    }

    /** Starts delivering; until then deliveries only queue (the CLI's one-shot commands never start it). */
    public void start() {
        dispatcher.start();
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
