package dev.hundred.server.metrics;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Hundred;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.webhooks.Receiver;
import java.net.URI;
import dev.hundred.server.support.OpenApiContract;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /metrics} on a server of its own (so the state gauges count only what this test made): requests
 * by route template, the live plane, jobs by state, webhook attempts by outcome, timer lateness, the pool,
 * the JVM; and the --metrics-token it needs when one is set.
 */
class MetricsApiTest {
    private static final String TOKEN = "metrics-secret-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Hundred server(String backend) {
        return Backends.own(MetricsApiTest.class.getSimpleName(), backend, c -> c.withMetricsToken(TOKEN), h -> {});
    }

    private static HttpResponse<String> scrape(Hundred server, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        OpenApiContract.get().check("GET", "/metrics", null, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    /** The value of the first sample whose name and labels match {@code series} (a regex over the line), or NaN. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+|NaN)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String awaitScrape(Hundred server, Predicate<String> done, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = scrape(server, "Bearer " + TOKEN).body();
            if (done.test(text)) {
                return text;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a poll interval
        }
        throw new AssertionError("no " + what + " within 30 s; last scrape:\n" + text);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void metrics_need_the_token_when_one_is_set(String backend) throws Exception {
        Hundred server = server(backend);
        HttpResponse<String> none = scrape(server, null);
        assertError(new Client.Response(none.statusCode(), none.body(), none.headers().firstValue("Content-Type").orElse("")),
                401, "Unauthorized");
        HttpResponse<String> wrong = scrape(server, "Bearer not-" + TOKEN);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("wrong metrics token");
        HttpResponse<String> right = scrape(server, "Bearer " + TOKEN);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(right.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections")
                .contains("process_uptime_seconds");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {Backends.H2, Backends.POSTGRES})
    void what_happens_shows_in_the_metrics(String backend) throws Exception {
        Hundred server = server(backend);
        Client api = Client.forNewWorkspace(server);
        try (Receiver receiver = Receiver.ok()) {
            assertThat(api.post("/emulator/v1/webhook", Map.of("url", receiver.url())).status()).isEqualTo(200);
            String room = Live.room(api);
            assertThat(api.get("/v2/rooms/" + room).status()).isEqualTo(200);
            assertThat(api.get("/v2/rooms/0123456789abcdef01234567").status()).isEqualTo(404);
            double peersBefore = value(scrape(server, "Bearer " + TOKEN).body(), "hundred_live_peers");
            Live.join(api, room, "host", "Ann");
            String recording = api.post("/v2/recordings/room/" + room + "/start", Map.of()).at("/id");
            assertThat(recording).isNotBlank();

            String text = awaitScrape(server, t -> value(t, "hundred_jobs\\{kind=\"recording\",status=\"running\"\\}") >= 1
                    && value(t, "hundred_webhooks_attempts_seconds_count\\{outcome=\"delivered\"\\}") >= 1
                    && value(t, "hundred_timers_lateness_seconds_count") >= 1, "running recording, delivery, fired timer");
            // One series per route template, whatever the id, and the status of each answer.
            assertThat(value(text, "http_server_requests_seconds_count\\{method=\"GET\",route=\"/v2/rooms/\\{room_id\\}\",status=\"200\"\\}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_count\\{method=\"GET\",route=\"/v2/rooms/\\{room_id\\}\",status=\"404\"\\}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(text).doesNotContain(room).doesNotContain("0123456789abcdef01234567");
            assertThat(text).contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/v2/rooms\",status=\"200\"");
            // Ann and the recorder (a peer of its own, as in the cloud) are live; the room is in session.
            assertThat(value(text, "hundred_live_peers")).isGreaterThanOrEqualTo(peersBefore + 1);
            assertThat(value(text, "hundred_live_rooms")).isGreaterThanOrEqualTo(1);
            assertThat(value(text, "hundred_webhooks_queue")).isNotNaN();
            assertThat(value(text, "hundred_timers_pending")).isNotNaN();
        }
    }
}
