package dev.hundred.client.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The default {@link Transport}: one shared {@link HttpClient} (HTTP/1.1, connections kept alive). */
public final class JdkTransport implements Transport {
    private final HttpClient http;

    public JdkTransport(Duration connectTimeout) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build());
    }

    public JdkTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        if (request.body() != null) {
            b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else if (request.method().equals("GET")) {
            b.GET(); // not method("GET", noBody()): that one sends Content-Length: 0
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            for (String v : h.getValue()) {
                b.header(h.getKey(), v);
            }
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TransportResponse(r.statusCode(), r.headers().map(), r.body() == null ? new byte[0] : r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.uri());
        }
    }
}
