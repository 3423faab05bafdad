package dev.hundred.server.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Synchronous, in-transaction domain events. A subscriber runs on the publisher's {@link Handle}, so
 * what it writes (an outbox row, a room code) commits or rolls back with the change that caused it;
 * that is how webhooks are never lost. Work that must wait for the commit (pushing to sockets) is the
 * subscriber's to defer, e.g. with {@code handle.afterCommit(...)}.
 */
public final class DomainEvents {
    private final Map<Class<?>, List<BiConsumer<Handle, ? super DomainEvent>>> subscribers = new ConcurrentHashMap<>();

    public <E extends DomainEvent> void subscribe(Class<E> type, BiConsumer<Handle, E> subscriber) {
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>())
                .add((handle, event) -> subscriber.accept(handle, type.cast(event)));
    }

    /** Runs every subscriber of the event's class, in subscription order, on this transaction. */
    public void publish(Handle handle, DomainEvent event) {
        List<BiConsumer<Handle, ? super DomainEvent>> list = subscribers.get(event.getClass());
        if (list != null) {
            list.forEach(subscriber -> subscriber.accept(handle, event));
        }
    }
}
