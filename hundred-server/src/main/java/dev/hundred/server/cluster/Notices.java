package dev.hundred.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.activerooms.PeerNotice;
import dev.hundred.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How what a room's peers are told reaches the node holding each peer's socket. On H2 (one node) it is
 * handed to this node's sockets after the commit. On PostgreSQL every notice is a row of
 * {@code peer_notices}, numbered per room under a lock held to the commit, and a {@code NOTIFY} sent right
 * after the commit ({@link Notifier}: batched, outside the change's transaction), so that every node hears
 * of it; the notification carries the notice itself when it fits (under 8000 bytes), else only its room and
 * number and the node reads the row ({@link NoticeListener}). Receivers deliver each room's notices in number
 * order: they skip what they already delivered and read what they missed.
 */
public final class Notices {
    /** The channel every node listens on. */
    static final String CHANNEL = "hundred_notices";
    /** PostgreSQL refuses payloads of 8000 bytes or more; room id and number take under 50. */
    static final int INLINE_MAX_BYTES = 7_900;

    /** Where a node hands a notice to the sockets it holds (gateway/PeerSockets). */
    public interface Sockets {
        void deliver(List<String> to, String message, int closeCode, String closeReason);
    }

    private final boolean postgres;
    private final Sockets sockets;
    private volatile NoticeListener listener;

    public Notices(boolean postgres, Sockets sockets) {
        this.postgres = postgres;
        this.sockets = sockets;
    }

    /** The PeerNotice subscriber: runs in the change's transaction. */
    public void publish(Handle h, PeerNotice notice) {
        if (!postgres) {
            String text = Json.write(notice.message());
            h.afterCommit(() -> sockets.deliver(notice.to(), text, notice.closeCode(), notice.closeReason()));
            return;
        }
        String body = Json.write(envelope(notice));
        boolean inline = body.getBytes(StandardCharsets.UTF_8).length <= INLINE_MAX_BYTES;
        long seq = h.createQuery("WITH s AS (INSERT INTO sequences (name, counter) VALUES (:name, 1) ON CONFLICT (name)"
                        + " DO UPDATE SET counter = sequences.counter + 1 RETURNING counter)"
                        + " INSERT INTO peer_notices (room_id, seq, body, created_at)"
                        + " SELECT :room, counter, :body, now() FROM s RETURNING seq")
                .bind("name", "notice:" + notice.roomId()).bind("room", notice.roomId()).bind("body", body)
                .map((rs, ctx) -> rs.getLong("seq")).one();
        NoticeListener ear = listener;
        if (ear != null) {
            String payload = notice.roomId() + " " + seq + (inline ? " " + body : "");
            // Announced after the commit, not in it (cluster/Notifier says why). As on one node: when the
            // change returns (an API answer, a gateway "ok"), this node's peers have been told, so a socket's
            // reply never overtakes the notice of its own change.
            h.afterCommit(() -> {
                ear.announce(payload);
                ear.awaitDelivered(notice.roomId(), seq);
            });
        }
    }

    /**
     * The PeerNotice.Batch subscriber: the same as {@link #publish} for each notice in turn, but on PostgreSQL
     * the notices' numbers are taken and their rows written by one statement (a join tells the new peer and
     * the others: one round trip instead of two).
     */
    public void publishAll(Handle h, PeerNotice.Batch batch) {
        List<PeerNotice> all = batch.notices();
        if (!postgres || all.size() == 1 || !all.stream().allMatch(n -> n.roomId().equals(all.get(0).roomId()))) {
            all.forEach(n -> publish(h, n));
            return;
        }
        String room = all.get(0).roomId();
        int n = all.size();
        List<String> bodies = new ArrayList<>(n);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            bodies.add(Json.write(envelope(all.get(i))));
            values.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", :body").append(i).append(")");
        }
        var query = h.createQuery("WITH s AS (INSERT INTO sequences (name, counter) VALUES (:name, :n) ON CONFLICT (name)"
                        + " DO UPDATE SET counter = sequences.counter + :n RETURNING counter)"
                        + " INSERT INTO peer_notices (room_id, seq, body, created_at)"
                        + " SELECT :room, s.counter - :n + b.i, b.body, now() FROM s CROSS JOIN (VALUES " + values
                        + ") AS b(i, body) RETURNING seq")
                .bind("name", "notice:" + room).bind("room", room).bind("n", n);
        for (int i = 0; i < n; i++) {
            query.bind("body" + i, bodies.get(i));
        }
        long last = query.mapTo(Long.class).list().stream().mapToLong(Long::longValue).max().orElseThrow();
        NoticeListener ear = listener;
        if (ear != null) {
            List<String> payloads = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long seq = last - n + 1 + i;
                String body = bodies.get(i);
                boolean inline = body.getBytes(StandardCharsets.UTF_8).length <= INLINE_MAX_BYTES;
                payloads.add(room + " " + seq + (inline ? " " + body : ""));
            }
            h.afterCommit(() -> {
                payloads.forEach(ear::announce);
                ear.awaitDelivered(room, last);
            });
        }
    }

    /** The listener that delivers on this node: changes made here wait for it to hand their notices over. */
    public void listenWith(NoticeListener ear) {
        this.listener = ear;
    }

    private static ObjectNode envelope(PeerNotice notice) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.set("to", Json.MAPPER.valueToTree(notice.to()));
        e.put("close", notice.closeCode());
        e.put("reason", notice.closeReason());
        e.set("message", Json.MAPPER.valueToTree(notice.message()));
        return e;
    }

    /** Hands a notice read back (from a notification or its row) to this node's sockets. */
    void deliver(String body) {
        JsonNode e = Json.read(body, JsonNode.class);
        List<String> to = new ArrayList<>();
        e.path("to").forEach(id -> to.add(id.asText()));
        sockets.deliver(to, Json.write(e.path("message")), e.path("close").asInt(),
                e.path("reason").isNull() ? null : e.path("reason").asText());
    }
}
