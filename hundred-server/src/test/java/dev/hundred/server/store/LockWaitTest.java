package dev.hundred.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * H2 waits for a row lock as long as PostgreSQL would in practice: H2's default gives up after 2 s with "Timeout
 * trying to lock table", a 500, which the fuzz (FuzzTest) met when 16 requests at once queued on one room's row
 * on a busy machine; PostgreSQL has no lock timeout by default. Checked on the setting, since proving a wait
 * longer than 2 s would take a 2 s wait.
 */
class LockWaitTest {
    @Test
    void h2_databases_wait_30_seconds_for_a_lock() {
        for (String db : new String[] {"mem", "jdbc:h2:mem:lock-wait-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"}) {
            try (Database database = Database.open(db).awaitReady()) {
                String timeout = database.read(h -> h.createQuery(
                        "SELECT LOCK_TIMEOUT()")
                        .mapTo(String.class).one());
                assertThat(Integer.parseInt(timeout)).as(db).isGreaterThanOrEqualTo(30_000);
            }
        }
    }
}
