package dev.hundred.server.analytics;

import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Lists analytics events (spec §13.1, overview.mdx), oldest first (the docs' examples, and what a track
 * timeline needs). A query whose results fill more than one page takes a snapshot at its first page:
 * later pages read the snapshot, so events that happen after the first query never appear in them, and
 * {@code total} stays what it was. The cursor lasts 24 hours from the first query, on the server clock.
 * Only events of the last 30 days are served (at the first query: a snapshot keeps what it took).
 */
final class EventService {
    static final Duration WINDOW = Duration.ofDays(30);
    static final Duration CURSOR_LIFETIME = Duration.ofHours(24);
    /** How long an expired cursor is still recognised (and answered "expired"). */
    private static final Duration EXPIRED_CURSOR_MEMORY = Duration.ofDays(30);

    private final Database db;
    private final AnalyticsStore store;
    private final RoomService rooms;
    private final Clock clock;

    EventService(Database db, AnalyticsStore store, RoomService rooms, Clock clock) {
        this.db = db;
        this.store = store;
        this.rooms = rooms;
        this.clock = clock;
    }

    EventPage list(Workspace ws, EventQuery q) {
        EventFilter filter = new EventFilter(q.roomId(), types(q), q.sessionId(), q.peerId(), q.userId(), q.beamId());
        return db.tx(h -> {
            rooms.require(h, ws, q.roomId());
            Instant now = clock.instant();
            return q.start() == null ? firstPage(h, ws, filter, q.limit(), now)
                    : nextPage(h, ws, filter, q.start(), q.limit(), now);
        });
    }

    /** The types asked for, in the docs' order without repeats; only the error ones when {@code error}. */
    private static List<String> types(EventQuery q) {
        for (String type : q.types()) {
            if (!EventTypes.ALL.contains(type)) {
                throw AnalyticsErrors.unknownType(type);
            }
        }
        return EventTypes.ALL.stream()
                .filter(t -> q.types().isEmpty() || q.types().contains(t))
                .filter(t -> !q.error() || EventTypes.isError(t))
                .toList();
    }

    private EventPage firstPage(Handle h, Workspace ws, EventFilter filter, int limit, Instant now) {
        if (filter.types().isEmpty()) { // error=true with only non-error types asked for
            return new EventPage(0, 0, "", List.of());
        }
        Instant since = now.minus(WINDOW);
        List<EventRow> rows = store.first(h, ws.id(), filter, since, limit + 1);
        if (rows.size() <= limit) {
            return page(rows, rows.size(), "");
        }
        store.forgetExpired(h, now, now.minus(EXPIRED_CURSOR_MEMORY));
        String id = Ids.uuid();
        int total = store.snapshot(h, id, ws.id(), filter, since);
        Cursor cursor = new Cursor(id, ws.id(), filter.key(), total, Ids.secret(32), now, now.plus(CURSOR_LIFETIME));
        store.insertCursor(h, cursor);
        return pageOf(h, cursor, 0, limit);
    }

    private EventPage nextPage(Handle h, Workspace ws, EventFilter filter, String start, int limit, Instant now) {
        Cursor.Token token = Cursor.Token.parse(start).orElseThrow(AnalyticsErrors::cursorInvalid);
        Cursor cursor = store.cursor(h, ws.id(), token.cursorId()).orElseThrow(AnalyticsErrors::cursorInvalid);
        if (!cursor.signed(token) || token.offset() > cursor.total()) {
            throw AnalyticsErrors.cursorInvalid();
        }
        if (!now.isBefore(cursor.expiresAt())) {
            throw AnalyticsErrors.cursorExpired();
        }
        if (!cursor.queryKey().equals(filter.key())) {
            throw AnalyticsErrors.cursorOfAnotherQuery();
        }
        return pageOf(h, cursor, token.offset(), limit);
    }

    private EventPage pageOf(Handle h, Cursor cursor, int offset, int limit) {
        List<EventRow> rows = store.page(h, cursor.id(), offset, limit);
        int reached = offset + rows.size();
        return page(rows, cursor.total(), reached < cursor.total() ? cursor.token(reached) : "");
    }

    private static EventPage page(List<EventRow> rows, int total, String next) {
        return new EventPage(rows.size(), total, next, rows.stream().map(EventRow::wire).toList());
    }
}
