import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.junit.HundredServer;

/**
 * How long hundred-junit's embedded Hundred takes to start and to stop, as {@code @HundredTest} does it
 * (HundredServer.start: port 0, in-memory H2), in one JVM: the first start (a fresh JVM: class loading,
 * the first H2 database, JIT cold), then ROUNDS more (warm: what a second {@code @HundredTest} class in the same
 * test run pays). Each server answers one API call (a room create) before it is closed, so a start is only
 * counted once the server works. Prints one line per round and the medians of the warm rounds.
 * Args: [rounds] (default 10).
 */
public class JunitStart {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("JVM up to main                 %6d ms%n", System.currentTimeMillis() - jvmStart);
        double[] starts = new double[rounds], stops = new double[rounds];
        for (int i = 0; i <= rounds; i++) {
            long t0 = System.nanoTime();
            HundredServer server = HundredServer.start();
            long t1 = System.nanoTime();
            server.client().rooms().create(RoomCreateParams.builder().name("r" + i).build());
            long t2 = System.nanoTime();
            server.close();
            long t3 = System.nanoTime();
            System.out.printf("%-30s start %6.0f ms, first call %5.0f ms, close %6.0f ms%n",
                    i == 0 ? "first start (fresh JVM)" : "warm start " + i, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
            if (i > 0) {
                starts[i - 1] = (t2 - t0) / 1e6;
                stops[i - 1] = (t3 - t2) / 1e6;
            }
        }
        java.util.Arrays.sort(starts);
        java.util.Arrays.sort(stops);
        System.out.printf("warm, median of %d: start + first call %.0f ms (max %.0f), close %.0f ms (max %.0f)%n",
                rounds, starts[rounds / 2], starts[rounds - 1], stops[rounds / 2], stops[rounds - 1]);
    }
}
