package dev.hundred.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.net.JdkTransport;
import dev.hundred.client.net.Requester;
import dev.hundred.client.net.RetryPolicy;
import dev.hundred.client.net.TokenSource;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Duration;

/** A real Hundred (in-memory H2, port 0) for the client's tests, and raw access to its emulator API. */
final class TestServer {
    private static Hundred shared;

    final Hundred hundred;
    final Workspace workspace;
    final Requester emulator;

    private TestServer(Hundred hundred) {
        this.hundred = hundred;
        this.workspace = hundred.defaultWorkspace();
        TokenSource tokens = new TokenSource(workspace.accessKey(), workspace.secret(), Duration.ofHours(1), serverClock());
        this.emulator = new Requester(hundred.url() + "/emulator/v1", new JdkTransport(Duration.ofSeconds(5)), tokens, null,
                Duration.ofSeconds(30), new RetryPolicy(0, Duration.ZERO, Duration.ZERO), false);
    }

    /** One server for every test class that does not need its own. */
    static synchronized TestServer shared() {
        if (shared == null) {
            shared = new Hundred(Config.defaults().withPort(0).withDb("mem")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return new TestServer(shared);
    }

    /** A server of the caller's own (close it). */
    static TestServer own() {
        return new TestServer(new Hundred(Config.defaults().withPort(0).withDb("mem")).start());
    }

    String baseUrl() {
        return hundred.url() + "/v2";
    }

    HmsClient.Builder clientBuilder() {
        return HmsClient.builder().credentials(workspace.accessKey(), workspace.secret()).baseUrl(baseUrl())
                .retries(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(50)));
    }

    HmsClient client() {
        return clientBuilder().build();
    }

    /** The emulator's tokens follow the server clock, so moving it never locks the test out. */
    private Clock serverClock() {
        return hundred.clock();
    }

    JsonNode emulator(String method, String path, Object body) {
        return emulator.tree(method, path, null, body);
    }
}
