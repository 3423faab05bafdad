package dev.hundred.server.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The last /v2 requests of each workspace, in this node's memory: a ring of {@code size} entries per
 * workspace, and at most {@link #BUDGET_BYTES} (estimated) in all, past which the oldest entries of any
 * workspace go first. Each node of a cluster keeps its own. Size 0 keeps nothing.
 */
public final class RequestJournal {
    public static final int DEFAULT_SIZE = 1000;
    public static final int MAX_SIZE = 100_000;
    /** Bodies are kept up to this many bytes. */
    public static final int MAX_BODY = 64 * 1024;
    static final long BUDGET_BYTES = 64L * 1024 * 1024;

    /** An entry in its workspace's ring and in the node-wide arrival order; {@code gone} once dropped. */
    private static final class Slot {
        final String workspaceId;
        final JournalEntry entry;
        final long weight;
        boolean gone;

        Slot(String workspaceId, JournalEntry entry) {
            this.workspaceId = workspaceId;
            this.entry = entry;
            this.weight = entry.weight();
        }
    }

    private final int size;
    private final long budget;
    private final Map<String, ArrayDeque<Slot>> rings = new HashMap<>();
    /** Every slot in the order it was added; dropped ones stay until they reach the head or a compaction. */
    private final ArrayDeque<Slot> arrivals = new ArrayDeque<>();
    private long bytes;
    private int live;

    public RequestJournal(int size) {
        this(size, BUDGET_BYTES);
    }

    RequestJournal(int size, long budget) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("journal size must be 0 to " + MAX_SIZE + ", not " + size);
        }
        this.size = size;
        this.budget = budget;
    }

    public int size() {
        return size;
    }

    synchronized void add(String workspaceId, JournalEntry entry) {
        if (size == 0) {
            return;
        }
        Slot slot = new Slot(workspaceId, entry);
        ArrayDeque<Slot> ring = rings.computeIfAbsent(workspaceId, ws -> new ArrayDeque<>());
        ring.addLast(slot);
        arrivals.addLast(slot);
        bytes += slot.weight;
        live++;
        if (ring.size() > size) {
            drop(ring.pollFirst());
        }
        while (bytes > budget && live > 1) {
            Slot oldest = arrivals.pollFirst();
            if (!oldest.gone) {
                ArrayDeque<Slot> its = rings.get(oldest.workspaceId);
                its.pollFirst(); // a ring is in arrival order, so the node's oldest entry heads its ring
                drop(oldest);
                if (its.isEmpty()) {
                    rings.remove(oldest.workspaceId);
                }
            }
        }
        trim();
    }

    /** Up to {@code limit} entries of the workspace that {@code filter} accepts, newest first. */
    synchronized List<JournalEntry> list(String workspaceId, Predicate<JournalEntry> filter, int limit) {
        List<JournalEntry> out = new ArrayList<>();
        ArrayDeque<Slot> ring = rings.get(workspaceId);
        if (ring == null) {
            return out;
        }
        for (Iterator<Slot> it = ring.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            JournalEntry entry = it.next().entry;
            if (filter.test(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** Forgets the workspace's entries; answers how many there were. */
    public synchronized int clear(String workspaceId) {
        ArrayDeque<Slot> ring = rings.remove(workspaceId);
        if (ring == null) {
            return 0;
        }
        ring.forEach(this::drop);
        trim();
        return ring.size();
    }

    private void drop(Slot slot) {
        slot.gone = true;
        bytes -= slot.weight;
        live--;
    }

    /** Dropped slots leave the arrival order at its head, or all at once when they outnumber the live ones. */
    private void trim() {
        while (!arrivals.isEmpty() && arrivals.peekFirst().gone) {
            arrivals.pollFirst();
        }
        if (arrivals.size() > 2 * live + 64) {
            arrivals.removeIf(slot -> slot.gone);
        }
    }
}
