package dev.hundred.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

class FaultConcurrencyTest extends ApiTestBase {
    private static final int THREADS = 16;

    @RepeatedTest(3)
    void sixteen_threads_against_times_five_get_exactly_five_injected_answers() throws Exception {
        Client.Response made = api.post("/emulator/v1/faults", Map.of("path", "/v2/rooms", "status", 503, "times", 5));
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        String id = made.json().path("id").asText();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        statuses.add(api.get("/v2/rooms").status());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(THREADS * 3);
            assertThat(all.stream().filter(s -> s == 503).count()).isEqualTo(5);
            assertThat(all.stream().filter(s -> s == 200).count()).isEqualTo(THREADS * 3 - 5);
        } finally {
            pool.shutdownNow();
        }
        var rule = api.get("/emulator/v1/faults").json().path("faults").get(0);
        assertThat(rule.path("id").asText()).isEqualTo(id);
        assertThat(rule.path("remaining").asInt()).isZero();
        assertThat(rule.path("injected").asLong()).isEqualTo(5);
        assertThat(api.get("/emulator/v1/requests?status=503&limit=1000").json().path("requests")).hasSize(5)
                .allMatch(entry -> entry.path("fault").asText().equals(id));
    }
}
