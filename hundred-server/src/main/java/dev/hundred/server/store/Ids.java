package dev.hundred.server.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resource ids as the cloud makes them: 24 lowercase hex, MongoDB-ObjectId style (4 bytes of Unix
 * seconds, 5 random bytes fixed per process, 3 bytes of counter), so that id order is creation order
 * and keyset pagination is {@code id < start ORDER BY id DESC}. Peer, track and event ids are UUID v4.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS = randomBytes(5);
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt(1 << 24));
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    public static String objectId() {
        return objectId(System.currentTimeMillis() / 1000);
    }

    static String objectId(long epochSeconds) {
        byte[] id = new byte[12];
        int seconds = (int) epochSeconds;
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        System.arraycopy(PROCESS, 0, id, 4, 5);
        int count = COUNTER.getAndIncrement();
        id[9] = (byte) (count >>> 16);
        id[10] = (byte) (count >>> 8);
        id[11] = (byte) count;
        return HEX.formatHex(id);
    }

    /**
     * Whether {@code s} has the form of {@link #objectId()}: callers check path ids with it before a query,
     * so that junk (a NUL, which PostgreSQL refuses in text) is a plain 404 on every back end.
     */
    public static boolean isObjectId(String s) {
        if (s == null || s.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** A secret of {@code bytes} random bytes as lowercase hex (generated secrets are at least 32 bytes). */
    public static String secret(int bytes) {
        return HEX.formatHex(randomBytes(bytes));
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
