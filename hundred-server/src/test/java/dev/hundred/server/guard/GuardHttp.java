package dev.hundred.server.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Client;
import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP for the guard tests, which look at what {@link Client.Response} leaves out: the body's exact bytes (a
 * replay must be byte for byte the first answer) and the response headers ({@code Retry-After},
 * {@code Idempotent-Replayed}, {@code Content-Type}). Every exchange is checked against the OpenAPI document
 * ({@link OpenApiContract}) as the Client's are.
 */
final class GuardHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GuardHttp() {}

    /** An answer: status, exact body bytes, headers (names lower-cased, first value). */
    record Answer(int status, byte[] body, Map<String, String> headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return response().json();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean replayed() {
            return "true".equals(header("Idempotent-Replayed"));
        }

        /** As the shared assertions take it. */
        Client.Response response() {
            return new Client.Response(status, text(), headers.getOrDefault("content-type", ""));
        }

        boolean sameAs(Answer other) {
            return status == other.status && Arrays.equals(body, other.body)
                    && java.util.Objects.equals(header("Content-Type"), other.header("Content-Type"));
        }
    }

    /** A POST with a JSON text body and an Idempotency-Key (null: none), with the client's token. */
    static Answer post(Client api, String path, String body, String key) {
        return key == null ? send(api, "POST", path, body, Map.of()) : send(api, "POST", path, body, Map.of("Idempotency-Key", key));
    }

    static Answer send(Client api, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.server().url() + path)).timeout(Duration.ofSeconds(60));
        if (api.token() != null) {
            request.header("Authorization", "Bearer " + api.token());
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> heads = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> heads.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            OpenApiContract.get().check(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    response.statusCode(), heads.get("content-type"), response.body());
            return new Answer(response.statusCode(), response.body(), heads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A POST written byte for byte on a socket, for header values an HTTP client will not send (empty, twice,
     * control or non-ASCII characters). {@code extraHeaderLines} are complete lines without CRLF, as bytes. The
     * request reaches routing however odd its headers, so the exchange is checked as any other (RawHttp.checked).
     */
    static Answer rawPost(Hundred server, String token, String path, String body, List<byte[]> extraHeaderLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        write(request, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + payload.length + "\r\n");
        for (byte[] line : extraHeaderLines) {
            request.writeBytes(line);
            write(request, "\r\n");
        }
        write(request, "\r\n");
        request.writeBytes(payload);
        RawHttp.Answer answer = RawHttp.checked(server.port(), request.toByteArray());
        return new Answer(answer.status(), answer.body(), answer.headers());
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }
}
