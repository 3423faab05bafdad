package dev.hundred.server.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One attempt: POST the stored body with the custom headers (and the signature headers when the
 * workspace signs), answer the outcome. Success is HTTP 200 and nothing else (spec §17.1). Asynchronous,
 * so a receiver that hangs costs a pending future, not a thread.
 */
final class Sender {
    /** Headers the HTTP client owns or that we set ourselves; custom headers may not override them. */
    private static final Set<String> RESERVED = Set.of("content-length", "host", "connection", "expect", "upgrade",
            "content-type", "webhook-id", "webhook-timestamp", "webhook-signature");

    private final Duration timeout;
    private final dev.hundred.server.http.PrivateTargets targets;
    private final Clock clock;
    /** Made on the first delivery: building it sets up TLS, a few hundred classes start-up need not load. */
    private volatile HttpClient http;

    Sender(Duration timeout, dev.hundred.server.http.PrivateTargets targets, Clock clock) {
        this.timeout = timeout;
        this.targets = targets;
        this.clock = clock;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** The outcome of one attempt: the status when a response came, and why it failed when it did. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return error == null;
        }
    }

    CompletableFuture<Outcome> send(OutboxRow row) {
        // Checked again at each delivery: a name may resolve elsewhere now, or the row predates the setting.
        java.util.Optional<java.net.InetAddress> refused = targets.refused(row.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(null,
                    "target address not allowed: " + refused.get().getHostAddress()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(row.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(row.body()));
        row.headers().forEach((name, value) -> {
            if (!RESERVED.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        if (row.signingSecret() != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", row.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", Signer.signature(row.signingSecret(), row.eventId(), timestamp, row.body()));
        }
        try {
            return http().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> failure == null ? outcome(response.statusCode()) : outcome(failure));
        } catch (IllegalArgumentException badRequest) { // a header value the HTTP client refuses
            return CompletableFuture.completedFuture(new Outcome(null, "invalid request: " + badRequest.getMessage()));
        }
    }

    private static Outcome outcome(int status) {
        return status == 200 ? new Outcome(status, null) : new Outcome(status, "status code " + status);
    }

    private static Outcome outcome(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return new Outcome(null, "timeout");
        }
        if (cause instanceof ConnectException) {
            return new Outcome(null, "connection refused");
        }
        if (cause instanceof IOException) {
            return new Outcome(null, cause.getMessage() == null ? "connection error" : "connection error: " + cause.getMessage());
        }
        return new Outcome(null, cause.toString());
    }
}
