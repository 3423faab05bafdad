package dev.hundred.server.gateway;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one socket has been given to send and its client has not taken yet. Jetty's {@code sendText}
 * never waits: it queues the frame (without bound) and calls back once the frame is written to the
 * connection. So a client that stops reading never blocks the thread that sends to it (a room's change
 * delivering its notices holds the room's lock), but its queue would grow for ever. This counts what is
 * queued and, the first time it goes past either bound, stops sending and calls {@code overflow} once.
 */
final class Outbox {
    /** Where frames go: sends {@code text} and runs {@code done} once it is written or has failed. */
    interface Wire {
        void send(String text, Runnable done);
    }

    private final Wire wire;
    private final int maxMessages;
    private final long maxBytes;
    private final Runnable overflow;
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean full = new AtomicBoolean();

    Outbox(Wire wire, int maxMessages, long maxBytes, Runnable overflow) {
        this.wire = wire;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.overflow = overflow;
    }

    /** Queues {@code text}; false (and nothing sent) once the outbox has overflowed. */
    boolean send(String text) {
        return send(text, () -> {});
    }

    /**
     * The same; {@code written} runs once the frame is written (or failed: the socket is going), not when
     * nothing was queued.
     */
    boolean send(String text, Runnable written) {
        if (full.get()) {
            return false;
        }
        long size = utf8Length(text);
        int queuedMessages = messages.incrementAndGet();
        long queuedBytes = bytes.addAndGet(size);
        if (queuedMessages > maxMessages || queuedBytes > maxBytes) {
            messages.decrementAndGet();
            bytes.addAndGet(-size);
            if (full.compareAndSet(false, true)) {
                overflow.run();
            }
            return false;
        }
        AtomicBoolean once = new AtomicBoolean();
        Runnable done = () -> {
            if (once.compareAndSet(false, true)) {
                messages.decrementAndGet();
                bytes.addAndGet(-size);
                written.run();
            }
        };
        try {
            wire.send(text, done);
        } catch (RuntimeException e) {
            done.run(); // the socket is closing: nothing is queued
            throw e;
        }
        return true;
    }

    boolean overflowed() {
        return full.get();
    }

    int queuedMessages() {
        return messages.get();
    }

    long queuedBytes() {
        return bytes.get();
    }

    /** The UTF-8 length of {@code s}, without encoding it (Jetty does that once, when it writes). */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
