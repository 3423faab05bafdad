package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Never lost: a server killed with SIGKILL right after the call that queued webhooks returned delivers
 * them after it starts again on the same database (issue 3). The receiver is down until the restart.
 */
class WebhookCrashTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"h2-file", Backends.POSTGRES})
    void webhooks_queued_before_a_sigkill_arrive_after_the_restart(String backend) throws Exception {
        String db = backend.equals(Backends.POSTGRES) ? Backends.freshPostgresUrl() : Backends.freshH2Directory();
        int receiverPort = freePort();
        String receiverUrl = "http://127.0.0.1:" + receiverPort + "/hook";

        Child first = Child.start(db);
        first.post("/emulator/v1/webhook", Map.of("url", receiverUrl));
        String roomId = Client.JSON.readTree(first.post("/v2/rooms", Map.of("name", "crash"))).path("id").asText();
        HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(
                        URI.create(first.sideDoor() + "/publish?room=" + roomId + "&name=crash&n=5"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        first.kill9();

        Child second = Child.start(db);
        try (Receiver receiver = Receiver.okOn(receiverPort)) {
            List<Receiver.Hit> hits = receiver.await(5, Duration.ofSeconds(40));
            assertThat(hits).extracting(h -> h.json().path("data").path("user_id").asText())
                    .containsExactly("user-1", "user-2", "user-3", "user-4", "user-5");
            assertThat(hits).extracting(h -> h.json().path("data").path("room_id").asText()).containsOnly(roomId);
        } finally {
            second.kill9();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A child JVM running {@link CrashTestServer} on the test classpath. */
    private record Child(Process process, String apiUrl, String sideDoor, String token) {
        static Child start(String db) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File log = Files.createTempFile("hundred-crash-child", ".log").toFile();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashTestServer.class.getName(), db)
                    .redirectError(log).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("ready ")) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String line;
            try {
                line = ready.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new AssertionError("child did not start; its log: " + Files.readString(log.toPath()), e);
            }
            if (line == null) {
                throw new AssertionError("child exited; its log: " + Files.readString(log.toPath()));
            }
            String[] parts = line.split(" ");
            return new Child(process, parts[1], parts[2], parts[3]);
        }

        /** A management API call; answers the body of the 200. */
        String post(String path, Object body) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Client.JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        void kill9() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
