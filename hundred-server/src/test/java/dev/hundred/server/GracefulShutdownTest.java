package dev.hundred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.workspaces.Workspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Stopping the server (what SIGTERM does through the shutdown hook) lets in-flight requests finish. */
class GracefulShutdownTest {

    @Test
    void a_request_in_flight_when_the_server_stops_still_gets_its_answer() throws Exception {
        Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb("mem")).start();
        Workspace ws = hundred.defaultWorkspace();
        String token = hundred.tokens().management(ws, Duration.ofMinutes(5));
        String body = "{\"name\":\"in-flight\"}";
        try (Socket socket = new Socket("127.0.0.1", hundred.port())) {
            OutputStream out = socket.getOutputStream();
            // Send the headers and half the body, so the request is in flight.
            out.write(("POST /v2/rooms HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body.substring(0, 5)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(hundred::close);
            Thread.sleep(300);
            assertThat(stopping).as("stop waits for the request in flight").isNotDone();
            out.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            assertThat(response).contains("\"name\":\"in-flight\"");
            stopping.get();
        }
    }
}
