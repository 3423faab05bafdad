package dev.hundred.server.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values by key, dropped all at once by {@link #forgetAll} (an {@link Invalidations} registration). A read
 * that raced a change must not put the old value back after the drop: each drop starts a new stamp, a reader
 * takes the stamp before it reads the database and hands it to {@link #put}, and an entry counts only while
 * its stamp is the current one.
 */
public final class StampedCache<K, V> {
    private record Entry<V>(V value, long stamp) {}

    private final int max;
    private final AtomicLong stamp = new AtomicLong();
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** Beyond {@code max} entries the cache starts afresh: a bound on memory, not a policy worth more. */
    public StampedCache(int max) {
        this.max = max;
    }

    /** Take it before reading what {@link #put} will keep. */
    public long stamp() {
        return stamp.get();
    }

    /** The value kept for {@code key}, or null when none is (or it was kept before the last drop). */
    public V get(K key) {
        Entry<V> e = entries.get(key);
        return e != null && e.stamp() == stamp.get() ? e.value() : null;
    }

    /** Keeps {@code value}, read after {@link #stamp} answered {@code readStamp}; a drop since makes it count for nothing. */
    public void put(K key, V value, long readStamp) {
        if (readStamp != stamp.get()) {
            return;
        }
        if (entries.size() >= max) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, readStamp));
    }

    /** Drops every value: a change committed. */
    public void forgetAll() {
        stamp.incrementAndGet();
        entries.clear();
    }
}
