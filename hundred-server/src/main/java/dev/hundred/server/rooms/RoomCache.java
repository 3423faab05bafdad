package dev.hundred.server.rooms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rooms by id as GET room last read them, so a GET of a room that did not change needs no database round trip
 * (on PostgreSQL that round trip was most of a GET: bench/RESULTS.md). Every change to what a room reads as
 * (its row, its template's name, a reset) goes through {@link dev.hundred.server.store.Invalidations}, which
 * drops the whole cache here after the commit and on the other nodes at their NOTIFY.
 *
 * <p>A read that raced a change must not put the old room back after the drop: each drop starts a new
 * generation, a read takes the generation before it reads the database, and an entry counts only while its
 * generation is the current one. Only rooms found are kept (a 404 reads again).
 */
final class RoomCache {
    /** Beyond this many rooms the cache starts afresh: a bound on memory, not a policy worth more. */
    private static final int MAX_ROOMS = 20_000;

    private record Entry(Room room, long generation) {}

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> rooms = new ConcurrentHashMap<>();

    /** The room {@code id} from the cache, else from {@code read} (kept when found). */
    Optional<Room> get(String id, Supplier<Optional<Room>> read) {
        long current = generation.get();
        Entry cached = rooms.get(id);
        if (cached != null && cached.generation() == current) {
            return Optional.of(cached.room());
        }
        Optional<Room> room = read.get();
        room.ifPresent(r -> {
            if (rooms.size() >= MAX_ROOMS) {
                rooms.clear();
            }
            rooms.put(id, new Entry(r, current));
        });
        return room;
    }

    /** Drops every room: a change committed. */
    void forgetAll() {
        generation.incrementAndGet();
        rooms.clear();
    }
}
