package dev.hundred.client;

import dev.hundred.client.net.JdkTransport;
import dev.hundred.client.net.Transport;
import dev.hundred.client.net.TransportRequest;
import dev.hundred.client.net.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real transport, remembering every request and status it saw (the seam the client offers). */
final class RecordingTransport implements Transport {
    final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
    final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final Transport real = new JdkTransport(Duration.ofSeconds(5));

    @Override
    public TransportResponse send(TransportRequest request) throws IOException {
        requests.add(request);
        TransportResponse response = real.send(request);
        statuses.add(response.status());
        return response;
    }
}
