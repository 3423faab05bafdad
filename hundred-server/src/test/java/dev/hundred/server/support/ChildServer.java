package dev.hundred.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Main;
import dev.hundred.server.auth.Jwt;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real server ({@code hundred serve}) in a child JVM on the test classpath, for tests that kill it with
 * SIGKILL or run a second process beside it: every node of a test uses the same credentials, so they share
 * the default workspace, and the test mints its management token itself (not from what the server prints).
 * Every call through {@link #send} is checked against the OpenAPI document ({@link OpenApiContract}).
 */
public final class ChildServer implements AutoCloseable {
    public static final String ACCESS_KEY = "child-server-key";
    public static final String SECRET = "child-server-secret-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String url;
    private final String token;
    private final File log;
    private final List<String> banner;

    private ChildServer(Process process, String url, String token, File log, List<String> banner) {
        this.process = process;
        this.url = url;
        this.token = token;
        this.log = log;
        this.banner = banner;
    }

    /** Starts a node on {@code db}; its timer claims last {@code timerLease} (the hidden --timer-lease). */
    public static ChildServer start(String db, String timerLease) throws IOException {
        return start(db, List.of("--webhook-retries", "1s,2s,3s,5s,10s", "--timer-lease", timerLease));
    }

    /** Starts {@code hundred serve} on {@code db} with these flags besides port, database and credentials. */
    public static ChildServer start(String db, List<String> flags) throws IOException {
        List<String> all = new ArrayList<>(List.of("--access-key", ACCESS_KEY, "--secret", SECRET));
        all.addAll(flags);
        return startWithout(db, all);
    }

    /**
     * Starts {@code hundred serve} on {@code db} with only these flags besides port and database: no
     * credentials unless given (the default workspace is then the database's own, or a new one).
     */
    public static ChildServer startWithout(String db, List<String> flags) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Files.createTempFile("hundred-child", ".log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--db", db));
        command.addAll(flags);
        Process process = new ProcessBuilder(command).redirectError(log).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<String> ready = new CompletableFuture<>();
        // A thread of its own, not the common pool: on a machine with few cores that pool may be busy with
        // something else of the test JVM, and the server would seem not to start.
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!ready.isDone()) {
                        printed.add(line);
                        if (line.startsWith("listening on ")) {
                            ready.complete(line.substring("listening on ".length()).trim());
                        }
                    } else if (printed.size() < 2000) {
                        printed.add(line); // a thread dump asked for below, or what it prints later (bounded)
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            ready.complete(null);
        }, "child-server-stdout");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = ready.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            String dump = threadDump(process, printed);
            process.destroyForcibly();
            throw new AssertionError("server did not start; its log: " + Files.readString(log.toPath())
                    + "\nwhat it printed, then its threads:\n" + dump, e);
        }
        if (url == null) {
            process.destroyForcibly();
            throw new AssertionError("server exited before listening; its log: " + Files.readString(log.toPath()));
        }
        List<String> upTo = List.copyOf(printed);
        List<String> banner = upTo.subList(0, upTo.indexOf("listening on " + url) + 1);
        return new ChildServer(process, url, token(ACCESS_KEY, SECRET), log, banner);
    }

    /** Asks a server that hangs for its threads (SIGQUIT prints them to stdout) and answers what it printed. */
    private static String threadDump(Process process, List<String> printed) {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int seen = -1;
            while (System.nanoTime() < deadline && printed.size() != seen) { // until the dump stops growing
                seen = printed.size();
                java.util.concurrent.locks.LockSupport.parkNanos(500_000_000);
            }
        } catch (IOException | InterruptedException e) {
            printed.add("(no thread dump: " + e + ")");
        }
        return String.join("\n", printed);
    }

    /** A management token for these credentials, valid an hour on the machine's clock. */
    public static String token(String accessKey, String secret) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.sign(Client.JSON.createObjectNode().put("access_key", accessKey).put("type", "management")
                .put("version", 2).put("iat", now).put("nbf", now).put("exp", now + 3600)
                .put("jti", java.util.UUID.randomUUID().toString()), secret);
    }

    /** An app token of the shared credentials for a peer of {@code roomId}, valid an hour. */
    public static String appToken(String roomId, String role, String userId) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.sign(Client.JSON.createObjectNode().put("access_key", ACCESS_KEY).put("type", "app")
                .put("version", 2).put("room_id", roomId).put("role", role).put("user_id", userId)
                .put("iat", now).put("nbf", now).put("exp", now + 3600)
                .put("jti", java.util.UUID.randomUUID().toString()), SECRET);
    }

    /** The same server, called with another token. */
    public ChildServer withToken(String other) {
        return new ChildServer(process, url, other, log, banner);
    }

    public String url() {
        return url;
    }

    /** What it printed up to its {@code listening on} line. */
    public List<String> banner() {
        return banner;
    }

    /** A management API call that must answer 200; answers its JSON. */
    public JsonNode call(String method, String path, Object body) {
        HttpResponse<String> r = send(method, path, body);
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(200);
        try {
            return Client.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    /** One call with this server's token; the exchange is checked against the {@link OpenApiContract}. */
    public HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token);
            byte[] sent = body == null ? null
                    : (body instanceof String s ? s : Client.JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, sent == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent));
            HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            OpenApiContract.get().check(method, path, sent, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body().getBytes(StandardCharsets.UTF_8));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code path} until {@code done} holds, up to {@code max} of wall time. */
    public JsonNode await(String path, Predicate<JsonNode> done, Duration max, String what) {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode last = get(path);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + max.toSeconds() + " s for " + what + "; last: " + last);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a poll, not a wait for time to pass
            last = get(path);
        }
        return last;
    }

    /** SIGKILL on Linux: no shutdown hook, no clean close. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGSTOP: the whole process freezes (a long pause, a suspended VM) until {@link #resume}. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze}: the process carries on where it stopped. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s", name).isZero();
    }

    public String log() throws IOException {
        return Files.readString(log.toPath());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                resume(); // a frozen process takes SIGKILL too, but say so plainly
            } catch (IOException ignored) {
                // SIGKILL below ends it either way
            }
            kill9();
        }
    }
}
