import dev.hundred.client.HmsClient;
import dev.hundred.client.model.Room;
import dev.hundred.client.param.RoomCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * hundred-client's cost per call: COUNT {@code rooms().retrieve(id)} calls through the client against the
 * same GET made with raw java.net.http (same HttpClient settings, same token; once with one prebuilt request
 * and the body not parsed, once built per call and read into the same Room record), one thread, in
 * alternating blocks so that a busy machine slows every side alike; then the client alone over a Transport
 * that answers at once (no network), the figure a busy machine disturbs least.
 * Args: --url http://127.0.0.1:PORT --access-key K --secret S --count N.
 */
public class ClientBench {
    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url"), key = arg(args, "--access-key"), secret = arg(args, "--secret");
        int count = Integer.parseInt(arg(args, "--count"));
        int blocks = 10, perBlock = Math.max(1, count / blocks);

        HmsClient hms = HmsClient.builder().credentials(key, secret).baseUrl(url + "/v2").build();
        Room room = hms.rooms().create(RoomCreateParams.builder().name("client-bench").build());
        String token = hms.tokens().management();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url + "/v2/rooms/" + room.id()))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).GET().build();

        // warm-up: both paths JIT-compiled before anything is measured
        for (int i = 0; i < Math.min(5000, count); i++) {
            hms.rooms().retrieve(room.id());
            raw(http, get);
        }
        // wall time, and this process's CPU time (the server is another process): on a shared machine the
        // CPU figure is the steadier one, since waiting for a core shows in wall time only
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long clientNanos = 0, rawNanos = 0, clientCpu = 0, rawCpu = 0, parsedNanos = 0, parsedCpu = 0;
        var mapper = dev.hundred.client.net.Json.mapper();
        java.util.List<Double> ratios = new java.util.ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < perBlock; i++) {
                if (hms.rooms().retrieve(room.id()).id() == null) throw new AssertionError("no id");
            }
            long c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
            for (int i = 0; i < perBlock; i++) {
                raw(http, get);
            }
            long c2 = os.getProcessCpuTime(), t2 = System.nanoTime();
            for (int i = 0; i < perBlock; i++) { // raw, the request built for each call, and JSON read as the client does
                HttpRequest each = HttpRequest.newBuilder(URI.create(url + "/v2/rooms/" + room.id()))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60)).GET().build();
                if (mapper.readValue(raw(http, each), Room.class).id() == null) throw new AssertionError("no id");
            }
            parsedNanos += System.nanoTime() - t2;
            parsedCpu += os.getProcessCpuTime() - c2;
            clientNanos += t1 - t0;
            rawNanos += t2 - t1;
            clientCpu += c1 - c0;
            rawCpu += c2 - c1;
            ratios.add((double) (t1 - t0) / (t2 - t1));
        }
        java.util.Collections.sort(ratios);
        double median = (ratios.get(blocks / 2 - 1) + ratios.get(blocks / 2)) / 2;
        int calls = perBlock * blocks;

        // the client alone: the same calls over a Transport that answers the room's bytes at once (no network),
        // what the client itself costs per call (token, request, JSON into Room); steady even on a busy machine
        byte[] roomBytes = raw(http, get);
        dev.hundred.client.net.TransportResponse canned = new dev.hundred.client.net.TransportResponse(200, java.util.Map.of(), roomBytes);
        HmsClient offline = HmsClient.builder().credentials(key, secret).baseUrl(url + "/v2").transport(r -> canned).build();
        for (int i = 0; i < 20000; i++) offline.rooms().retrieve(room.id());
        long o0 = System.nanoTime();
        for (int i = 0; i < calls; i++) offline.rooms().retrieve(room.id());
        double aloneUs = (System.nanoTime() - o0) / 1e3 / calls;
        double clientUs = clientNanos / 1e3 / calls, rawUs = rawNanos / 1e3 / calls;
        System.out.printf("calls per side              %d (after %d warm-up calls each), one thread, %d alternating blocks%n",
                calls, Math.min(5000, count), blocks);
        System.out.printf("raw java.net.http GET room  %8.1f us/call  %8.0f calls/s%n", rawUs, 1e6 / rawUs);
        double parsedUs = parsedNanos / 1e3 / calls;
        System.out.printf("raw built per call + JSON   %8.1f us/call  %8.0f calls/s%n", parsedUs, 1e6 / parsedUs);
        System.out.printf("hms.rooms().retrieve(id)    %8.1f us/call  %8.0f calls/s%n", clientUs, 1e6 / clientUs);
        System.out.printf("client overhead (wall)      %+8.1f us/call  %+7.1f %%  (median of the blocks: %+.1f %%)%n",
                clientUs - rawUs, 100 * (clientUs - rawUs) / rawUs, 100 * (median - 1));
        System.out.printf("client vs raw per call+JSON %+8.1f us/call  %+7.1f %%%n",
                clientUs - parsedUs, 100 * (clientUs - parsedUs) / parsedUs);
        System.out.printf("the client alone (no network) %6.1f us/call: %.1f %% of a raw call%n", aloneUs, 100 * aloneUs / rawUs);
        double clientCpuUs = clientCpu / 1e3 / calls, rawCpuUs = rawCpu / 1e3 / calls;
        System.out.printf("load client CPU per call    raw %.1f us, client %.1f us: %+.1f us, %+.1f %%%n",
                rawCpuUs, clientCpuUs, clientCpuUs - rawCpuUs, 100 * (clientCpuUs - rawCpuUs) / rawCpuUs);
        double parsedCpuUs = parsedCpu / 1e3 / calls;
        System.out.printf("  and raw built per call + JSON %.1f us: the client %+.1f us, %+.1f %%%n",
                parsedCpuUs, clientCpuUs - parsedCpuUs, 100 * (clientCpuUs - parsedCpuUs) / parsedCpuUs);
    }

    private static byte[] raw(HttpClient http, HttpRequest get) throws Exception {
        HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new AssertionError("status " + r.statusCode());
        return r.body();
    }

    private static String arg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        throw new IllegalArgumentException("missing " + name);
    }
}
