package dev.hundred.server.gateway;

import dev.hundred.server.auth.AppGrant;
import dev.hundred.server.http.Json;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One gateway socket: the grant of its token, its peer id once it joins, its bounded {@link Outbox},
 * whether it holds a place among the {@link WaitingSockets}, and its closing. Everything sent to the
 * client goes through the outbox, from any thread; nothing here waits for the client.
 */
final class PeerSocket {
    /** A WebSocket close reason is at most 123 bytes of UTF-8 (RFC 6455 §5.5). */
    private static final int MAX_REASON_BYTES = 123;
    /** The join deadlines and close graces of every socket of the JVM; timers only, the work is short. */
    private static final ScheduledExecutorService TIMERS = timers();

    final WsContext ctx;
    final String address;
    final Outbox outbox;
    private final Session session;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile AppGrant grant;
    private volatile String peerId;
    private volatile boolean joined;
    private volatile ScheduledFuture<?> joinDeadline;

    /** {@code overflow} runs once, on the thread that found the outbox full (perhaps under a room's lock). */
    PeerSocket(WsContext ctx, String address, Consumer<PeerSocket> overflow) {
        this.ctx = ctx;
        this.address = address;
        this.session = ctx.session;
        this.outbox = new Outbox((text, done) -> session.sendText(text, Callback.from(done, failure -> done.run())),
                GatewayLimits.OUTBOX_MAX_MESSAGES, GatewayLimits.OUTBOX_MAX_BYTES, () -> overflow.accept(this));
    }

    AppGrant grant() {
        return grant;
    }

    void grant(AppGrant verified) {
        this.grant = verified;
    }

    String peerId() {
        return peerId;
    }

    void peerId(String id) {
        this.peerId = id;
    }

    boolean joined() {
        return joined;
    }

    void joined(boolean value) {
        this.joined = value;
    }

    /** Takes this socket's place among the waiting; false when {@code waitingSockets} had none. */
    String takePlace(WaitingSockets waitingSockets) {
        String refusal = waitingSockets.admit(address);
        if (refusal == null) {
            waiting.set(true);
        }
        return refusal;
    }

    /** Waiting again (a join refused for a track): the place is taken back whatever the limits. */
    void retakePlace(WaitingSockets waitingSockets) {
        if (waiting.compareAndSet(false, true)) {
            waitingSockets.readmit(address);
        }
    }

    void givePlace(WaitingSockets waitingSockets) {
        if (waiting.compareAndSet(true, false)) {
            waitingSockets.release(address);
        }
    }

    /** Runs {@code task} after {@code delay} unless the socket joins first (see {@link #cancelJoinDeadline}). */
    void joinDeadline(Duration delay, Runnable task) {
        joinDeadline = TIMERS.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void cancelJoinDeadline() {
        ScheduledFuture<?> deadline = joinDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** True once the server began closing this socket: it reads nothing more and sends nothing more. */
    boolean closing() {
        return closing.get();
    }

    /** Marks the socket as closing; true for the caller that did it first. */
    boolean startClosing() {
        return closing.compareAndSet(false, true);
    }

    void send(Map<String, Object> message) {
        outbox.send(Json.write(message));
    }

    /**
     * Sends the close frame; a client that has not answered it {@link GatewayLimits#CLOSE_GRACE} later
     * (one that does not read, or is gone) has its connection cut.
     */
    void close(int code, String reason) {
        closing.set(true);
        ctx.disableAutomaticPings();
        TIMERS.schedule(session::disconnect, GatewayLimits.CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        session.close(code, truncate(reason == null ? "" : reason), Callback.NOOP);
    }

    /**
     * Sends {@code message}, then closes once it is written: Jetty drops the frames still queued when it
     * closes with a code under 3000 (1003, 1009), and the client is to read why before it is closed.
     */
    void sendThenClose(Map<String, Object> message, int code, String reason) {
        closing.set(true);
        ctx.disableAutomaticPings();
        TIMERS.schedule(session::disconnect, GatewayLimits.CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        String text = truncate(reason == null ? "" : reason);
        Runnable close = () -> session.close(code, text, Callback.NOOP);
        if (!outbox.send(Json.write(message), close)) {
            close.run();
        }
    }

    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        String cut = new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8);
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }

    private static ScheduledExecutorService timers() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "gateway-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(timers);
    }
}
