package dev.hundred.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Requests no HTTP client library would send, written byte for byte: bodies that end before their length,
 * broken chunked framing, both Transfer-Encoding and Content-Length, headers or URIs over 8 KiB, two Host
 * headers or none, {@code Expect: 200-ok}, {@code OPTIONS *}, {@code CONNECT}, {@code PRI *}. Each is followed by a
 * half-close, as a client that gives up would. None can reach stored data, so the back ends must agree.
 */
final class Framing {
    private Framing() {}

    static FuzzRequest make(int i, SplittableRandom r, Fixture fixture) {
        String bearer = "Authorization: Bearer " + fixture.playground.api().token() + "\r\n";
        String room = RequestGenerator.pick(r, fixture.playground.ids().get("room"));
        String post = "POST " + RequestGenerator.pick(r, List.of("/v2/rooms", "/v2/rooms/" + room, "/v2/templates",
                "/v2/polls", "/emulator/v1/rooms/" + room + "/peers", "/v2/token")) + " HTTP/1.1\r\nHost: x\r\n" + bearer;
        List<String> cases = List.of(
                post + "Content-Length: 50\r\n\r\n{\"name\":",
                post + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"na",
                post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                post + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}",
                post + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                post + "Content-Length: -1\r\n\r\n{}",
                post + "Content-Length: abc\r\n\r\n{}",
                post + "Content-Length: 99999999999999999999\r\n\r\n{}",
                post + "Transfer-Encoding: gzip\r\n\r\n{}",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n",
                "GET /v2/rooms?name=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n" + bearer + "\r\n",
                "GET /v2/rooms HTTP/1.1\r\nHost: x\r\nHost: y\r\n" + bearer + "\r\n",
                "GET /v2/rooms HTTP/1.1\r\n" + bearer + "\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n",
                "POST /v2/rooms HTTP/1.1\r\nHost: x\r\n" + bearer + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
                "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
                "CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n",
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                "GET /v2/rooms HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n" + bearer + "\r\n",
                "GET /v2/rooms HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n",
                "GET /v2/rooms HTTP/1.1\r\nHost: x\r\n: empty name\r\n\r\n",
                "\u0000\u0001\u0002 / HTTP/1.1\r\n\r\n",
                "GET /healthz HTTP/1.0\r\n\r\n",
                "GET /v2/rooms/" + room + "/../../healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /gateway/v1/peer HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
                "GET /gateway/v1/peer HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        int which = r.nextInt(cases.size());
        byte[] raw = cases.get(which).getBytes(StandardCharsets.ISO_8859_1);
        String method = cases.get(which).substring(0, Math.max(0, cases.get(which).indexOf(' ')));
        boolean upgrade = cases.get(which).contains("Sec-WebSocket-Key");
        return new FuzzRequest(i, "framing case " + which, method, "", List.of(), null, raw, true, !upgrade, !upgrade);
    }
}
