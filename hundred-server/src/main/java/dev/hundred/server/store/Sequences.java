package dev.hundred.server.store;

import org.jdbi.v3.core.Handle;

/**
 * Counters in the database ({@code sequences}), for order that must not depend on any node's clock: the
 * next value is taken with the counter's row locked until the transaction ends, so values follow the
 * order in which transactions taking them commit, on every node.
 */
public final class Sequences {
    private final SqlDialect dialect;

    public Sequences(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The next value of {@code name}: one more than the last, 1 for a new counter. */
    public long next(Handle h, String name) {
        return next(h, name, 1);
    }

    /**
     * The next value of {@code name}, at least {@code atLeast} (webhooks pass the event's microseconds, so
     * their seq still reads as a time across lanes; within one lane it only ever grows).
     */
    public long next(Handle h, String name, long atLeast) {
        if (dialect == SqlDialect.POSTGRES) {
            return h.createQuery("INSERT INTO sequences (name, counter) VALUES (:name, :min) ON CONFLICT (name)"
                            + " DO UPDATE SET counter = GREATEST(sequences.counter + 1, EXCLUDED.counter) RETURNING counter")
                    .bind("name", name).bind("min", atLeast).mapTo(Long.class).one();
        }
        while (true) {
            int updated = h.createUpdate("UPDATE sequences SET counter = CASE WHEN counter + 1 > :min THEN counter + 1"
                            + " ELSE :min END WHERE name = :name")
                    .bind("name", name).bind("min", atLeast).execute();
            if (updated == 0 && h.createUpdate("INSERT INTO sequences (name, counter) VALUES (:name, :min)"
                    + " ON CONFLICT DO NOTHING").bind("name", name).bind("min", atLeast).execute() == 0) {
                continue; // another transaction made it meanwhile: take the next value of it
            }
            return current(h, name);
        }
    }

    /** Locks {@code name}'s counter until this transaction ends (waits for whoever holds it); false if none. */
    public boolean lock(Handle h, String name) {
        return h.createQuery("SELECT counter FROM sequences WHERE name = :name FOR UPDATE").bind("name", name)
                .mapTo(Long.class).findOne().isPresent();
    }

    /** The last value taken, 0 for a counter never used. */
    public long current(Handle h, String name) {
        return h.createQuery("SELECT counter FROM sequences WHERE name = :name").bind("name", name)
                .mapTo(Long.class).findOne().orElse(0L);
    }
}
