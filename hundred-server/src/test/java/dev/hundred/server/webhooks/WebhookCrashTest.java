package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Main;
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
 * Never lost: a server ({@code hundred serve}) killed with SIGKILL right after the API calls that queued
 * webhooks returned delivers them, in order, after it starts again on the same database (issue 3). The
 * receiver is down until the restart.
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
        String room = Client.JSON.readTree(first.post("/v2/rooms", Map.of("name", "crash"))).path("id").asText();
        String ann = first.join(room, "ann");
        String bob = first.join(room, "bob");
        first.post("/emulator/v1/rooms/" + room + "/peers/" + ann + "/leave", Map.of());
        first.kill9(); // right after the call returned: the receiver is down, nothing was delivered

        Child second = Child.start(db);
        try (Receiver receiver = Receiver.okOn(receiverPort)) {
            List<Receiver.Hit> hits = receiver.await(4, Duration.ofSeconds(40));
            assertThat(hits).extracting(h -> h.json().path("type").asText()).containsExactly("session.open.success",
                    "peer.join.success", "peer.join.success", "peer.leave.success");
            assertThat(hits.subList(1, 4)).extracting(h -> h.json().path("data").path("peer_id").asText())
                    .containsExactly(ann, bob, ann);
            assertThat(hits).extracting(h -> h.json().path("data").path("room_id").asText()).containsOnly(room);
        } finally {
            second.kill9();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The real server ({@code hundred serve}) in a child JVM on the test classpath. */
    private record Child(Process process, String apiUrl, String token) {
        static Child start(String db) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File log = Files.createTempFile("hundred-crash-child", ".log").toFile();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "serve", "--port", "0", "--db", db, "--access-key", "crash-key",
                    "--secret", "crash-secret-0123456789abcdef0123456789", "--webhook-retries", "1s,2s,3s,5s,10s")
                    .redirectError(log).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String[]> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    String token = null;
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("  management token: ")) {
                            token = line.substring("  management token: ".length()).split(" ")[0];
                        } else if (line.startsWith("listening on ")) {
                            return new String[] {line.substring("listening on ".length()).trim(), token};
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String[] started;
            try {
                started = ready.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new AssertionError("server did not start; its log: " + Files.readString(log.toPath()), e);
            }
            if (started == null || started[1] == null) {
                throw new AssertionError("server exited or printed no token; its log: " + Files.readString(log.toPath()));
            }
            return new Child(process, started[0], started[1]);
        }

        /** An emulator peer joins; answers its id. */
        String join(String room, String name) throws IOException, InterruptedException {
            return Client.JSON.readTree(post("/emulator/v1/rooms/" + room + "/peers",
                    Map.of("role", "host", "name", name, "user_id", "user-" + name))).path("id").asText();
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
