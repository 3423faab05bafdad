package dev.hundred.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.HmsClient;
import dev.hundred.client.exception.NotFoundException;
import dev.hundred.client.net.JdkTransport;
import dev.hundred.client.net.Requester;
import dev.hundred.client.net.RetryPolicy;
import dev.hundred.client.net.TokenSource;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.workspaces.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * A Hundred running in this JVM for a test: where it is, its credentials, a client for it, and typed access
 * to the emulator ({@link #emulator()} peers, {@link #jobs()}, {@link #clock()}, {@link #faults()},
 * {@link #events()} the event inbox). Injected by {@link HundredTest}; {@link #start} makes one by hand.
 */
public final class HundredServer implements AutoCloseable {
    private final Hundred hundred;
    private final Workspace workspace;
    private final Requester emulatorApi;
    private final HmsClient client;
    private final Emulator emulator;
    private final Jobs jobs;
    private final ServerClock clock;
    private final Faults faults;
    private final Events events;

    private HundredServer(Hundred hundred) {
        this.hundred = hundred;
        this.workspace = hundred.defaultWorkspace();
        // tokens follow the server's clock, so moving it through the emulator never locks a test out
        TokenSource tokens = new TokenSource(workspace.accessKey(), workspace.secret(), Duration.ofHours(24), hundred.clock());
        this.emulatorApi = new Requester(url() + "/emulator/v1", new JdkTransport(Duration.ofSeconds(5)), tokens, null,
                Duration.ofSeconds(90), new RetryPolicy(0, Duration.ZERO, Duration.ZERO), false);
        this.client = clientBuilder().build();
        this.emulator = new Emulator(emulatorApi);
        this.jobs = new Jobs(emulatorApi);
        this.clock = new ServerClock(emulatorApi);
        this.faults = new Faults(emulatorApi);
        this.events = new Events(emulatorApi);
    }

    /** Starts a server as {@code options} say (port 0, their database and credentials) and runs their seed. */
    public static HundredServer start(HundredTest options) {
        Config config = Config.defaults().withPort(0).withDb(options.db()).withCredentials(
                options.accessKey().isEmpty() ? null : options.accessKey(), options.secret().isEmpty() ? null : options.secret());
        HundredServer server = new HundredServer(new Hundred(config).start());
        if (!options.seed().isEmpty()) {
            server.seed(options.seed());
        }
        return server;
    }

    /** Starts a server on a free port with an in-memory database. */
    public static HundredServer start() {
        return start("mem");
    }

    /** Starts a server on a free port on {@code db}: {@code mem}, a directory for H2 files, or a {@code jdbc:postgresql:} URL. */
    public static HundredServer start(String db) {
        return new HundredServer(new Hundred(Config.defaults().withPort(0).withDb(db)).start());
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return hundred.url();
    }

    /** The API's base URL, {@code http://127.0.0.1:<port>/v2}: where a backend under test points its 100ms base URL. */
    public String baseUrl() {
        return url() + "/v2";
    }

    public String accessKey() {
        return workspace.accessKey();
    }

    public String secret() {
        return workspace.secret();
    }

    /** A management token valid 24 hours on the server's clock. */
    public String managementToken() {
        return client.tokens().management();
    }

    /** The shared client pointed at this server (as injected). */
    public HmsClient client() {
        return client;
    }

    /** A builder for a client of one's own: base URL, credentials and the server's clock set, retries quick. */
    public HmsClient.Builder clientBuilder() {
        return HmsClient.builder().credentials(accessKey(), secret()).baseUrl(baseUrl()).clock(hundred.clock())
                .retries(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(200)));
    }

    /** Peers without a socket: join, publish, leave (docs/gateway.md, Emulator peers). */
    public Emulator emulator() {
        return emulator;
    }

    /** Recordings and streams: read, advance, fail (docs/emulator.md, Media jobs). */
    public Jobs jobs() {
        return jobs;
    }

    /** The server clock: read, advance, set, freeze. */
    public ServerClock clock() {
        return clock;
    }

    /** Fault injection on /v2. */
    public Faults faults() {
        return faults;
    }

    /** The event inbox: every webhook event, whether or not a webhook is configured. */
    public Events events() {
        return events;
    }

    /** The workspace webhook ({@code POST /emulator/v1/webhook}); {@code signingSecret} may be null. */
    public void webhook(String url, Map<String, String> headers, String signingSecret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("headers", headers == null ? Map.of() : headers);
        if (signingSecret != null) {
            body.put("signing_secret", signingSecret);
        }
        emulatorApi.tree("POST", "/webhook", null, body);
    }

    /** Any emulator call not typed here: {@code emulator("GET", "/settings", null)}. */
    public JsonNode emulator(String method, String path, Object body) {
        return emulatorApi.tree(method, path, null, body);
    }

    /** Wipes the server's state ({@code POST /emulator/v1/reset}); throws NotFoundException on a server without it. */
    public void reset() {
        emulatorApi.send("POST", "/reset", null, null);
        events.forget();
    }

    void resetOrAbort() {
        try {
            reset();
        } catch (NotFoundException e) {
            throw new TestAbortedException("@HundredTest(reset = true): this Hundred has no POST /emulator/v1/reset", e);
        }
    }

    /** The embedded server itself, for what this class does not offer. */
    public Hundred hundred() {
        return hundred;
    }

    private void seed(String resource) {
        JsonNode calls;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.replaceFirst("^/", ""))) {
            if (in == null) {
                throw new IllegalArgumentException("@HundredTest(seed): no classpath resource " + resource);
            }
            calls = emulatorApi.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("@HundredTest(seed): cannot read " + resource, e);
        }
        for (JsonNode call : calls) {
            String method = call.path("method").asText("POST");
            String path = call.path("path").asText();
            Object body = call.hasNonNull("body") ? call.get("body") : null;
            if (path.startsWith("/v2/")) {
                client.requester().send(method, path.substring(3), null, body);
            } else if (path.startsWith("/emulator/v1/")) {
                emulatorApi.send(method, path.substring("/emulator/v1".length()), null, body);
            } else {
                throw new IllegalArgumentException("@HundredTest(seed): path must start /v2/ or /emulator/v1/: " + path);
            }
        }
    }

    @Override
    public void close() {
        hundred.close();
    }
}
