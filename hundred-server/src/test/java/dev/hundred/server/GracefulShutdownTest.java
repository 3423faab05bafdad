package dev.hundred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.RawHttp;
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
            assertThat(RawHttp.readHead(socket.getInputStream())).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(hundred::close);
            awaitRefused(port); // the stop has begun: it no longer accepts connections ...
            assertThat(stopping).as("... and waits for the request in flight").isNotDone();

            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Answer answer = answer(socket, body);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains("\"name\":\"in-flight\"");
            stopping.get();
        }
    }

    /**
     * The embedded stop is fast: a keep-alive connection with no request on it is closed as the stop begins
     * (Jetty alone gives every connection 1 s more of idle time, which made every stop take a second), while a
     * request in flight keeps its connection's normal idle timeout: a body that comes 1.5 s after the stop
     * began (past Jetty's 1 s) still gets its answer.
     */
    @Test
    void an_idle_connection_is_closed_at_once_and_a_slow_request_in_flight_still_gets_its_answer() throws Exception {
        Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb("mem")).start();
        Workspace ws = hundred.defaultWorkspace();
        String token = hundred.tokens().management(ws, Duration.ofMinutes(5));
        int port = hundred.port();
        String body = "{\"name\":\"slow-upload\"}";
        try (Socket idle = new Socket("127.0.0.1", port); Socket slow = new Socket("127.0.0.1", port)) {
            // a connection that answered one request and is kept alive, idle
            idle.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader idleIn = new BufferedReader(new InputStreamReader(idle.getInputStream(), StandardCharsets.UTF_8));
            assertThat(idleIn.readLine()).startsWith("HTTP/1.1 200");
            for (String line = idleIn.readLine(); line != null && !line.isEmpty(); line = idleIn.readLine()) {
                // headers
            }
            // a request in flight, waiting for its body (Expect: 100-continue tells when the handler reads it)
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v2/rooms HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readHead(slow.getInputStream())).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");

            long stopBegan = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(hundred::close);
            idle.setSoTimeout(10_000);
            assertThat(idle.getInputStream().read()).as("the idle connection is closed by the server").isEqualTo(-1);
            assertThat(stopping).as("the stop waits for the request in flight").isNotDone();

            // the slow client: its body comes past Jetty's own 1 s shutdown idle timeout
            Thread.sleep(Math.max(0, 1_500 - (System.nanoTime() - stopBegan) / 1_000_000));
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Answer answer = answer(slow, body);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).contains("\"name\":\"slow-upload\"");
            stopping.get();
        }
    }

    /**
     * The answer to the POST /v2/rooms in flight on {@code socket} (its 100 Continue already read), checked
     * against the OpenAPI document as every /v2 exchange of the tests is.
     */
    private static RawHttp.Answer answer(Socket socket, String body) throws IOException {
        RawHttp.Answer answer = RawHttp.parse(RawHttp.readRest(socket.getInputStream()), false);
        assertThat(answer.problem()).as("the answer's framing").isNull();
        OpenApiContract.get().check("POST", "/v2/rooms", body.getBytes(StandardCharsets.UTF_8), answer.status(),
                answer.header("Content-Type"), answer.body());
        return answer;
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
