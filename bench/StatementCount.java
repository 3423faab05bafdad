import java.net.URI;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** bench/statements.sh runs it: phases of requests separated by markers in PostgreSQL's log (psql "SELECT 'MARK ...'"). */
public final class StatementCount {
    static String url, key = "bench-key", secret = "bench-secret-0123456789abcdef0123", db;
    static HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] a) throws Exception {
        url = a[0]; db = a[1]; int n = Integer.parseInt(a.length > 2 ? a[2] : "20");
        String mgmt = jwt("management", null);
        // warm-up (not counted)
        List<String> warmRooms = new ArrayList<>();
        for (int i = 0; i < 10; i++) warmRooms.add(create(mgmt, "warm-" + UUID.randomUUID()));
        for (int i = 0; i < 50; i++) get(mgmt, warmRooms.get(i % 10));
        List<WebSocket> warmPeers = new ArrayList<>();
        for (int i = 0; i < 20; i++) warmPeers.add(join(warmRooms.get(i % 2), i));
        for (WebSocket w : warmPeers) w.sendClose(1000, "").join();
        Thread.sleep(2000);
        mark("create-begin");
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < n; i++) rooms.add(create(mgmt, "count-" + UUID.randomUUID()));
        mark("create-end");
        mark("get-begin");
        for (int i = 0; i < n; i++) get(mgmt, rooms.get(i));
        mark("get-end");
        mark("join-begin");
        List<WebSocket> peers = new ArrayList<>();
        for (int i = 0; i < n; i++) peers.add(join(rooms.get(i / 10), i));   // 10 peers a room, like bench/run.sh
        mark("join-end");
        for (WebSocket w : peers) w.sendText("{\"type\":\"leave\"}", true);
        Thread.sleep(3000);
        mark("leave-end");
    }

    static void mark(String what) throws Exception {
        Thread.sleep(300);
        Process p = new ProcessBuilder("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c",
                "SELECT 'MARK " + what + "'").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes(); p.waitFor();
        Thread.sleep(300);
    }

    static String create(String token, String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v2/rooms")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"description\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(r.body());
        String b = r.body(); int i = b.indexOf("\"id\":\"") + 6; return b.substring(i, i + 24);
    }

    static void get(String token, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v2/rooms/" + id)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(r.body());
    }

    static WebSocket join(String room, int i) throws Exception {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        WebSocket.Listener l = new WebSocket.Listener() {
            StringBuilder sb = new StringBuilder();
            public java.util.concurrent.CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
                sb.append(d); if (last) { String t = sb.toString(); sb.setLength(0); if (t.startsWith("{\"type\":\"joined\"")) joined.complete(null); else if (t.startsWith("{\"type\":\"error\"")) joined.completeExceptionally(new IllegalStateException(t)); }
                w.request(1); return null; }
        };
        String token = jwt("app", Map.of("room_id", room, "role", "guest", "user_id", "u" + i));
        WebSocket w = http.newWebSocketBuilder().buildAsync(URI.create(url.replace("http://", "ws://") + "/gateway/v1/peer?token=" + token), l).get(30, TimeUnit.SECONDS);
        w.sendText("{\"type\":\"join\",\"name\":\"p" + i + "\"}", true);
        joined.get(30, TimeUnit.SECONDS);
        return w;
    }

    static String jwt(String type, Map<String, String> extra) throws Exception {
        long now = Instant.now().getEpochSecond();
        StringBuilder c = new StringBuilder("{\"access_key\":\"" + key + "\",\"type\":\"" + type + "\",\"version\":2,\"iat\":" + now
                + ",\"nbf\":" + now + ",\"exp\":" + (now + 86400) + ",\"jti\":\"" + UUID.randomUUID() + "\"");
        if (extra != null) extra.forEach((k, v) -> c.append(",\"").append(k).append("\":\"").append(v).append('"'));
        c.append('}');
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String in = b.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes()) + "." + b.encodeToString(c.toString().getBytes());
        Mac m = Mac.getInstance("HmacSHA256"); m.init(new SecretKeySpec(secret.getBytes(), "HmacSHA256"));
        return in + "." + b.encodeToString(m.doFinal(in.getBytes(StandardCharsets.UTF_8)));
    }
}
