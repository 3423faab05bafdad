package dev.hundred.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Backends;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sockets that never join cannot pile up (docs/gateway.md, Limits and misbehaving clients): at most 100
 * from one address wait to join; the next is refused with 429 and close 4429 until one joins or closes.
 * The sockets come from a loopback address of this test's own (all of 127.0.0.0/8 is loopback on Linux),
 * so that nothing else the suite does counts against it.
 */
class WaitingSocketsTest extends ApiTestBase {
    private static final int PER_ADDRESS = 100;

    private String ownAddress() {
        String address = backend.equals(Backends.H2) ? "127.0.10.1" : "127.0.10.2";
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "no loopback address " + address + " on this machine: " + e);
        }
        return address;
    }

    /** Opens a socket and finds out whether it was let in: a probe is answered, a refusal comes first. */
    private static boolean admitted(RawSocket socket) {
        socket.sendText("{\"type\":\"dance\",\"request_id\":\"probe\"}");
        RawSocket.Frame first = socket.read();
        assertThat(first).isNotNull();
        String text = first.text();
        if (text.contains("\"request_id\":\"probe\"")) {
            assertThat(text).contains("unknown type dance");
            return true;
        }
        assertThat(text).isEqualTo("{\"type\":\"error\",\"request_id\":null,\"code\":429,\"message\":\"Too many requests\","
                + "\"details\":[\"too many sockets waiting to join from this address\"]}");
        RawSocket.Frame close = socket.readUntilClose();
        assertThat(close).isNotNull();
        assertThat(close.closeCode()).isEqualTo(4429);
        assertThat(close.closeReason()).isEqualTo("too many sockets waiting to join from this address");
        return false;
    }

    @Test
    void an_address_has_at_most_100_sockets_waiting_to_join_and_a_join_or_a_close_frees_a_place() {
        String address = ownAddress();
        String room = Live.room(api);
        String token = Live.appToken(api, room, "host", "u");
        List<RawSocket> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                RawSocket socket = RawSocket.open(api.server(), token, address, 0);
                waiting.add(socket);
                assertThat(admitted(socket)).as("socket %d let in", i + 1).isTrue();
            }
            try (RawSocket refused = RawSocket.open(api.server(), token, address, 0)) {
                assertThat(admitted(refused)).as("socket 101 let in").isFalse();
            }
            // Another address is not concerned.
            try (TestPeer other = Live.gatewayPeer(api, room, "host", "Other")) {
                assertThat(other.peerId()).isNotEmpty();
            }

            // A socket that joins is no longer waiting: its place is free once it is told it joined.
            RawSocket joining = waiting.get(0);
            joining.sendText("{\"type\":\"join\",\"name\":\"J\"}");
            assertThat(joining.read().text()).startsWith("{\"type\":\"joined\"");
            RawSocket next = RawSocket.open(api.server(), token, address, 0);
            waiting.add(next);
            assertThat(admitted(next)).isTrue();

            // One that closes frees its place when the server has seen the close.
            waiting.remove(1).close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean admitted = false;
            while (!admitted && System.nanoTime() < deadline) {
                RawSocket again = RawSocket.open(api.server(), token, address, 0);
                admitted = admitted(again);
                if (admitted) {
                    waiting.add(again);
                } else {
                    again.close();
                }
            }
            assertThat(admitted).as("a place freed by a close").isTrue();
        } finally {
            waiting.forEach(RawSocket::close);
        }
    }
}
