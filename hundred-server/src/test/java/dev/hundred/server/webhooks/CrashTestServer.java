package dev.hundred.server.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.workspaces.Workspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server the SIGKILL test starts as a child JVM: a real {@link Hundred} on {@code --db}, plus a
 * test-only side door that commits RoomEvents the way the live plane will (until peers can join through
 * the emulator API, nothing in the public API makes one). Prints one line,
 * {@code ready <api url> <side door url> <management token>}, once both listen.
 */
public final class CrashTestServer {
    private CrashTestServer() {}

    public static void main(String[] args) throws IOException {
        Config config = Config.defaults().withPort(0).withDb(args[0]).withWebhooks(WebhookOptions.defaults()
                .withRetries(WebhookOptions.parseRetries("1s,2s,3s,5s,10s")));
        Hundred hundred = new Hundred(config).start();
        Workspace ws = hundred.defaultWorkspace();
        HttpServer door = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        // POST /publish?room=<id>&name=<room name>&n=<count>: n peer.join.success events, one transaction each.
        door.createContext("/publish", exchange -> {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv[1]);
            }
            int n = Integer.parseInt(query.get("n"));
            for (int i = 1; i <= n; i++) {
                Instant at = Instant.now();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("room_id", query.get("room"));
                data.put("room_name", query.get("name"));
                data.put("user_id", "user-" + i);
                data.put("joined_at", at);
                RoomEvent event = new RoomEvent(ws, query.get("room"), "peer.join.success", data, at);
                hundred.database().tx(h -> {
                    hundred.events().publish(h, event);
                    return null;
                });
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        door.start();
        String token = hundred.tokens().management(ws, Duration.ofHours(1));
        System.out.println("ready " + hundred.url() + " http://127.0.0.1:" + door.getAddress().getPort() + " " + token);
        System.out.flush();
    }
}
