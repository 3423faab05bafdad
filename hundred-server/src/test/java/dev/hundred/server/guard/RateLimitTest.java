package dev.hundred.server.guard;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --rate-limit 5/s} (issue 7), on a server of its own with the clock frozen: the bucket refills only
 * when the emulator moves the clock, so the tests count answers instead of timing them.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class RateLimitTest {
    private static final String DETAIL = "at most 5/s requests per workspace (--rate-limit)";

    @Parameter
    String backend;
    Client api;

    @BeforeEach
    void setUp() {
        Hundred server = Backends.own("rate-limit", backend, c -> c.withRateLimit(RateLimit.parse("5/s")), s -> { });
        api = Client.forNewWorkspace(server);
        api.freezeClock(true);
    }

    private GuardHttp.Answer get(Client client, String path) {
        return GuardHttp.send(client, "GET", path, null, Map.of());
    }

    /** Takes every token the workspace has (5, the burst), checking each went through. */
    private void spend(int n) {
        for (int i = 0; i < n; i++) {
            GuardHttp.Answer a = get(api, "/v2/rooms");
            assertThat(a.status()).as("request %d: %s", i, a.text()).isEqualTo(200);
        }
    }

    private void assertLimited(GuardHttp.Answer a, long retryAfter) {
        assertError(a.response(), 429, "rate limit exceeded, retry after " + retryAfter + " seconds", DETAIL);
        assertThat(a.header("Retry-After")).isEqualTo(Long.toString(retryAfter));
        assertThat(a.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void of_twenty_requests_at_once_exactly_five_get_through_and_the_rest_429_with_retry_after() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<GuardHttp.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return get(api, "/v2/rooms");
                }));
            }
            go.countDown();
            List<GuardHttp.Answer> answers = new ArrayList<>();
            for (Future<GuardHttp.Answer> f : futures) {
                answers.add(f.get());
            }
            assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(5);
            List<GuardHttp.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
            assertThat(limited).hasSize(15);
            limited.forEach(a -> assertLimited(a, 1));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void the_bucket_refills_with_the_server_clock_up_to_the_burst() {
        spend(5);
        assertLimited(get(api, "/v2/rooms"), 1);

        api.advanceClock(0.2); // one token at 5/s
        spend(1);
        assertLimited(get(api, "/v2/rooms"), 1);

        api.advanceClock(0.1); // half a token
        assertLimited(get(api, "/v2/rooms"), 1);
        api.advanceClock(0.1);
        spend(1);

        api.advanceClock(3600); // an hour fills the bucket to its burst, no more
        spend(5);
        assertLimited(get(api, "/v2/rooms"), 1);
    }

    @Test
    void each_workspace_has_its_own_bucket() {
        spend(5);
        assertLimited(get(api, "/v2/rooms"), 1);
        Client other = Client.forNewWorkspace(api.server());
        for (int i = 0; i < 5; i++) {
            assertThat(get(other, "/v2/rooms").status()).isEqualTo(200);
        }
        assertLimited(get(other, "/v2/rooms"), 1);
    }

    @Test
    void the_emulator_healthz_and_the_token_exchange_are_not_limited() {
        String room = Live.room(api);
        String code = api.post("/v2/room-codes/room/" + room + "/role/guest", null).at("/code");
        spend(3);
        assertLimited(get(api, "/v2/rooms"), 1);
        for (int i = 0; i < 10; i++) {
            assertThat(get(api, "/emulator/v1/clock").status()).isEqualTo(200);
            assertThat(get(api.withToken(null), "/healthz").status()).isEqualTo(200);
            assertThat(GuardHttp.post(api.withToken(null), "/v2/token", "{\"code\":\"" + code + "\"}", null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void the_analytics_webhook_endpoints_answer_their_documented_429() {
        spend(5);
        assertLimited(get(api, "/v2/analytics/webhooks"), 1);
        assertLimited(GuardHttp.post(api, "/v2/analytics/webhooks/replay", "{}", null), 1);
        assertLimited(get(api, "/v2/analytics/webhooks/replay/webhook-replay-x"), 1);
        api.advanceClock(1);
        assertThat(get(api, "/v2/analytics/webhooks").status()).isEqualTo(200);
    }

    @Test
    void a_429_is_not_kept_for_an_idempotency_key() {
        spend(5);
        assertLimited(GuardHttp.post(api, "/v2/rooms", "{}", "limited-key"), 1);
        api.advanceClock(1);
        GuardHttp.Answer ran = GuardHttp.post(api, "/v2/rooms", "{}", "limited-key");
        assertThat(ran.status()).as(ran.text()).isEqualTo(200);
        assertThat(ran.replayed()).isFalse();
        GuardHttp.Answer replayed = GuardHttp.post(api, "/v2/rooms", "{}", "limited-key");
        assertThat(replayed.replayed()).as("a replay is a request too: it takes a token").isTrue();
        assertThat(replayed.sameAs(ran)).isTrue();
    }
}
