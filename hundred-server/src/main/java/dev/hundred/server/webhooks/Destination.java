package dev.hundred.server.webhooks;

import java.net.URI;
import java.util.Map;

/** Where one delivery goes, resolved when the event is queued: the room's webhook, else the workspace's. */
record Destination(String url, Map<String, String> headers, String signingSecret) {

    /** host:port, the unit the per-receiver cap counts. */
    String host() {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
