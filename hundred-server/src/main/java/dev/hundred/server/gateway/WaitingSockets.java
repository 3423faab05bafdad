package dev.hundred.server.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * The sockets that are open but have not joined, counted by client address and in all, so that clients
 * that open sockets and never join cannot pile them up (docs/gateway.md, Limits and misbehaving clients).
 * A socket takes a place when it opens and gives it back when it joins or closes.
 */
final class WaitingSockets {
    private final int perAddress;
    private final int total;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int count;

    WaitingSockets(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    /** Null when a place was taken for {@code address}; otherwise why not. */
    synchronized String admit(String address) {
        if (count >= total) {
            return "too many sockets waiting to join";
        }
        int mine = byAddress.getOrDefault(address, 0);
        if (mine >= perAddress) {
            return "too many sockets waiting to join from this address";
        }
        byAddress.put(address, mine + 1);
        count++;
        return null;
    }

    /**
     * Takes a place whatever the limits (a socket whose join was refused for a track it may not publish
     * is waiting again; it had a place a moment ago).
     */
    synchronized void readmit(String address) {
        byAddress.merge(address, 1, Integer::sum);
        count++;
    }

    synchronized void release(String address) {
        Integer mine = byAddress.get(address);
        if (mine == null) {
            return;
        }
        if (mine <= 1) {
            byAddress.remove(address);
        } else {
            byAddress.put(address, mine - 1);
        }
        count--;
    }

    synchronized int waiting() {
        return count;
    }

    synchronized int waiting(String address) {
        return byAddress.getOrDefault(address, 0);
    }
}
