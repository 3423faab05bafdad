package dev.hundred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.workspaces.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A graceful stop (SIGTERM): the server stops accepting, and a request already being handled gets its answer. */
class GracefulShutdownTest {

    @Test
    void a_request_in_flight_when_the_server_stops_still_gets_its_answer() throws Exception {
        Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb("mem")).start();
        Workspace ws = hundred.defaultWorkspace();
        String token = hundred.tokens().management(ws, Duration.ofMinutes(5));
        String body = "{\"name\":\"in-flight\"}";
        int port = hundred.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            // Expect: 100-continue makes the server say when the handler starts reading the body: from then on
            // the request is in flight, and it stays so until the body is sent.
            out.write(("POST /v2/rooms HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(hundred::close);
            awaitRefused(port); // the stop has begun: it no longer accepts connections ...
            assertThat(stopping).as("... and waits for the request in flight").isNotDone();

            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder response = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                response.append(line).append('\n');
            }
            assertThat(response.toString()).startsWith("HTTP/1.1 200");
            assertThat(response.toString()).contains("\"name\":\"in-flight\"");
            stopping.get();
        }
    }

    /** Polls until a new connection to {@code port} is refused (a condition, with a deadline). */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(10); // still accepting: look again
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                return;
            }
        }
        throw new AssertionError("the server kept accepting connections for 10 s after the stop began");
    }
}
