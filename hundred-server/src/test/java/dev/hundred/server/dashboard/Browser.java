package dev.hundred.server.dashboard;

import dev.hundred.server.Hundred;
import dev.hundred.server.support.Client;
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
            return new Answer(HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the room's live feed (server-sent events) as a browser's EventSource does. */
    java.util.stream.Stream<String> live(String roomId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/dashboard/api/rooms/" + roomId + "/live"))
                .header("Cookie", DashboardSessions.COOKIE + "=" + cookie).header("Accept", "text/event-stream").build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("live feed answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
