package dev.hundred.server.clock;

import dev.hundred.server.store.Database;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** SQL for the clock's one row. */
final class ClockStore {
    HundredClock.Reading read(Handle h, boolean lock) {
        return h.createQuery("SELECT offset_micros, frozen_at FROM server_clock WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
                .map((rs, ctx) -> new HundredClock.Reading(rs.getLong("offset_micros"), Database.instant(rs, "frozen_at")))
                .one();
    }

    void write(Handle h, HundredClock.Reading reading, Instant wallNow) {
        h.createUpdate("UPDATE server_clock SET offset_micros = :offset, frozen_at = :frozen, updated_at = :now WHERE id = 1")
                .bind("offset", reading.offsetMicros()).bind("frozen", reading.frozenAt()).bind("now", wallNow).execute();
    }
}
