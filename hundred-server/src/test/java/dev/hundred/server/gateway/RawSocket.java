package dev.hundred.server.gateway;

import dev.hundred.server.Hundred;
import dev.hundred.server.support.OpenApiContract;
import dev.hundred.server.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A gateway client written on a plain TCP socket, for what the JDK's WebSocket will not do: never read
 * (with a small receive buffer, so that the server's queue to it fills soon), or come from another
 * loopback address (127.0.0.0/8 is all loopback on Linux) so a test has an address of its own.
 */
public final class RawSocket implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    /** A frame the server sent: its opcode (1 text, 2 binary, 8 close) and payload. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame. */
        public int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        public String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Opens a socket from {@code localAddress} (null: any), with a receive buffer of
     * {@code receiveBuffer} bytes (0: the system's), and makes the WebSocket upgrade; fails unless the
     * server answers 101.
     */
    public static RawSocket open(Hundred server, String token, String localAddress, int receiveBuffer) {
        URI uri = URI.create(server.url());
        try {
            Socket s = new Socket();
            if (receiveBuffer > 0) {
                s.setReceiveBufferSize(receiveBuffer); // before connect, so the TCP window is agreed small
            }
            if (localAddress != null) {
                s.bind(new InetSocketAddress(localAddress, 0));
            }
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            RawSocket raw = new RawSocket(s);
            raw.upgrade(uri, token);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upgrade(URI uri, String token) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + PeerGateway.PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = RawHttp.readHead(in);
        // The upgrade's answer, head only (what follows is the socket's), checked by the contract with its headers.
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        int status = head.length() >= 12 && head.startsWith("HTTP/1.") ? Integer.parseInt(head.substring(9, 12)) : -1;
        if (status == 101) {
            OpenApiContract.get().check("GET", PeerGateway.PATH, null, status, null, null,
                    name -> headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
    }

    public void sendText(String text) {
        frame(1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A client frame: final, masked (RFC 6455 §5.3). */
    private void frame(int opcode, byte[] payload) {
        try {
            ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
            f.write(0x80 | opcode);
            if (payload.length < 126) {
                f.write(0x80 | payload.length);
            } else if (payload.length < 65536) {
                f.write(0x80 | 126);
                f.write(payload.length >>> 8);
                f.write(payload.length);
            } else {
                f.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    f.write((int) ((long) payload.length >>> shift));
                }
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            f.write(mask);
            for (int i = 0; i < payload.length; i++) {
                f.write(payload[i] ^ mask[i & 3]);
            }
            out.write(f.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame from the server (waiting up to 10 s), or null when the connection ended. */
    public Frame read() {
        try {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            return new Frame(first & 0x0f, payload);
        } catch (EOFException e) {
            return null;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("reset")) {
                return null;
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until a close frame (answered) or the end of the connection; the close frame, or null. */
    public Frame readUntilClose() {
        for (Frame f = read(); f != null; f = read()) {
            if (f.opcode() == 8) {
                try {
                    frame(8, f.payload().length >= 2 ? new byte[] {f.payload()[0], f.payload()[1]} : new byte[0]);
                } catch (UncheckedIOException e) {
                    // the server already cut the connection: the close frame was all there was to read
                }
                return f;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
