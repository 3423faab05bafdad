package dev.hundred.server.dashboard;

import dev.hundred.server.Hundred;
import dev.hundred.server.support.Client;
import dev.hundred.server.support.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a browser does with the dashboard, over real HTTP: keeps the session cookie it was given and sends it
 * back, with the CSRF token as a header when one is set (as the page does). No Authorization header unless
 * {@link #bearer} is set.
 */
final class Browser {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Hundred server;
    String cookie;
    String csrf;
    String bearer;

    record Answer(HttpResponse<byte[]> raw) {
        int status() {
            return raw.statusCode();
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String setCookie() {
            return header("Set-Cookie");
        }

        Client.Response response() {
            return new Client.Response(status(), text(), header("Content-Type") == null ? "" : header("Content-Type"));
        }
    }

    Browser(Hundred server) {
        this.server = server;
    }

    Answer signIn(String accessKey, String secret) {
        return post("/dashboard/api/sign-in", java.util.Map.of("access_key", accessKey, "secret", secret));
    }

    /** A JSON post; a sign-in's cookie and CSRF token are kept. */
    Answer post(String path, Object body) {
        Answer answer = call("POST", path, body);
        if (path.equals("/dashboard/api/sign-in") && answer.status() == 200) {
            String set = answer.setCookie();
            cookie = set.substring(set.indexOf('=') + 1, set.indexOf(';'));
            csrf = answer.response().at("/csrf_token");
        }
        return answer;
    }

    Answer call(String method, String path, Object body) {
        try {
            return send(method, path, body == null ? null : Client.JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", DashboardSessions.COOKIE + "=" + cookie);
        }
        if (csrf != null) {
            request.header(DashboardSessions.CSRF_HEADER, csrf);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        try {
            Answer answer = new Answer(HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofByteArray()));
            // the dashboard's own calls (/dashboard) and its /v2 and /emulator calls: all in the document
            OpenApiContract.get().check(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    answer.status(), answer.header("Content-Type"), answer.raw().body(), answer::header);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the room's live feed (server-sent events) as a browser's EventSource does, over a plain socket so
     * that closing it ends the stream at once; the lines of the body arrive in {@code lines}.
     */
    java.net.Socket live(String roomId, java.util.concurrent.BlockingQueue<String> lines) throws IOException {
        URI uri = URI.create(server.url());
        java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort());
        socket.getOutputStream().write(("GET /dashboard/api/rooms/" + roomId + "/live HTTP/1.1\r\nHost: " + uri.getAuthority()
                + "\r\nAccept: text/event-stream\r\nCookie: " + DashboardSessions.COOKIE + "=" + cookie + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String status = in.readLine();
        // The head, checked by the contract (status and content type: the body is a stream that does not end).
        String type = "";
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                type = header.substring("content-type:".length()).trim();
            }
        }
        if (status == null || !status.contains(" 200 ")) {
            socket.close();
            throw new IllegalStateException("live feed answered " + status);
        }
        OpenApiContract.get().check("GET", "/dashboard/api/rooms/" + roomId + "/live", (byte[]) null, 200, type, (byte[]) null);
        Thread reader = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the test closed the socket
            }
        }, "live-feed-reader");
        reader.setDaemon(true);
        reader.start();
        return socket;
    }
}
