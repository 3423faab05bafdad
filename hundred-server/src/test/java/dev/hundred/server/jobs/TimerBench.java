package dev.hundred.server.jobs;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.workspaces.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Timer benchmark (bench/jobs.sh runs it): an in-process Hundred on {@code h2-file} or embedded
 * {@code postgres}; {@code count} durable timers, all due within the same second a little ahead, are
 * committed first; the node then fires them (each in its own transaction, as real handlers do: consume
 * plus one write). Prints how late each fired after its due time (p50, p99, max) and how long the node
 * took for all of them. Bounded: gives up after two minutes. Arguments: backend, count.
 */
public final class TimerBench {
    private TimerBench() {}

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "h2-file";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String db = switch (backend) {
            case "postgres" -> Backends.freshPostgresUrl();
            case "h2-mem" -> "mem";
            default -> Backends.freshH2Directory();
        };
        try (Hundred server = new Hundred(Config.defaults().withPort(0).withDb(db)).start()) {
            Workspace ws = server.workspaces().create("bench", null, null);
            long[] lateMicros = new long[count];
            AtomicInteger fired = new AtomicInteger();
            server.timers().register("bench.noop", t -> server.database().tx(h -> {
                if (server.timers().consume(h, t)) {
                    // one write of the handler's own, like a job's transition
                    h.createUpdate("UPDATE emulator_settings SET updated_at = updated_at WHERE workspace_id = :ws")
                            .bind("ws", t.workspaceId()).execute();
                    long late = Duration.between(t.dueAt(), server.clock().instant()).toNanos() / 1000;
                    lateMicros[fired.getAndIncrement()] = late;
                }
                return null;
            }));
            // All due within one second that starts 10 s from now (time enough to commit them all first).
            Instant second = server.clock().instant().plusSeconds(10);
            for (int from = 0; from < count; from += 500) {
                int start = from;
                server.database().tx(h -> {
                    for (int i = start; i < Math.min(count, start + 500); i++) {
                        server.timers().schedule(h, "bench.noop", "t" + i, ws.id(),
                                second.plusNanos((long) i * 1_000_000_000L / count));
                    }
                    return null;
                });
            }
            Instant committed = server.clock().instant();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (fired.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Instant done = server.clock().instant();
            int n = fired.get();
            long[] late = Arrays.copyOf(lateMicros, n);
            Arrays.sort(late);
            System.out.printf("%-8s timers=%d scheduled-before-due=%s fired=%d lateness p50=%.1fms p99=%.1fms max=%.1fms"
                            + " all-fired %.2fs after the second began (%.0f timers/s)%n",
                    backend, count, committed.isBefore(second), n, pct(late, 50) / 1000.0, pct(late, 99) / 1000.0,
                    n == 0 ? 0 : late[n - 1] / 1000.0, Duration.between(second, done).toMillis() / 1000.0,
                    n / Math.max(0.001, Duration.between(second, done).toMillis() / 1000.0));
        }
        System.exit(0);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
