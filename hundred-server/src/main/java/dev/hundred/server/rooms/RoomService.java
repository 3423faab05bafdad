package dev.hundred.server.rooms;

import dev.hundred.server.http.PrivateTargets;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Invalidations;
import dev.hundred.server.store.StampedCache;
import dev.hundred.server.store.Ids;
import dev.hundred.server.store.SqlDialect;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Rooms (spec §3): create is an upsert by case-insensitive name, update changes only what is sent,
 * and every rule the docs give (names, regions, sizes, durations, upload configuration) is checked
 * here with the documented message.
 */
public final class RoomService {
    static final int MAX_ROOM_SIZE = 2500;
    static final int MAX_LARGE_ROOM_SIZE = 20000;
    static final int MIN_DURATION = 120;
    static final int MAX_DURATION = 43200;

    private final Database db;
    private final RoomStore store;
    private final TemplateService templates;
    private final PrivateTargets targets;
    private final Clock clock;
    /**
     * Rooms by id as GET room last read them, so a GET of a room that did not change needs no database round trip
     * (on PostgreSQL that round trip was most of a GET: bench/RESULTS.md). Every change of what a room reads as (its
     * row, its template's name, a reset) goes through {@link Invalidations#ROOMS}, which drops them all here after
     * the commit and on the other nodes at their NOTIFY. Only rooms found are kept (a 404 reads again).
     */
    private final StampedCache<String, Room> cache = new StampedCache<>(20_000);

    public RoomService(Database db, RoomStore store, TemplateService templates, PrivateTargets targets, Clock clock) {
        db.invalidations().register(Invalidations.ROOMS, cache::forgetAll);
        this.db = db;
        this.store = store;
        this.templates = templates;
        this.targets = targets;
        this.clock = clock;
    }

    /** The field rules, then where the room's own webhook may go (--webhook-allow-private). */
    private void check(RoomBody body) {
        RoomRules.checkFields(body);
        if (body.webhook() != null) {
            targets.check("webhook.url", body.webhook().url());
        }
    }

    /** Create, or update the room that already has this name (spec §3.2). */
    public Room create(Workspace ws, RoomBody body) {
        check(body);
        // Most creates make a new room: one INSERT that does nothing when the name is taken, committed on
        // its own (one statement needs no BEGIN and COMMIT round trips), answered from what was inserted.
        // A taken name, or a size the new room would break, takes the upsert path in a transaction.
        try {
            Optional<Room> made = db.dialect() == SqlDialect.POSTGRES ? insertNewInOne(ws, body)
                    : db.read(h -> insertNew(h, ws, body));
            return made.orElseGet(() -> db.txRetryingOnUniqueViolation(h -> upsert(h, ws, body)));
        } catch (RuntimeException e) {
            // The template was read, then deleted by another request before the room's row went in: the
            // room names a template that is not there, as if it had never been (found by the fuzz test).
            if (SqlDialect.isForeignKeyViolation(e)) {
                throw RoomErrors.templateNotFound();
            }
            throw e;
        }
    }

    private Optional<Room> insertNew(Handle h, Workspace ws, RoomBody body) {
        Room room = newRoom(h, ws, body);
        if (!RoomRules.fitsSize(room)) {
            return Optional.empty();
        }
        return store.insertIfAbsent(h, ws.id(), room) ? Optional.of(room) : Optional.empty();
    }

    /**
     * The same on PostgreSQL in one statement: the template is read by the INSERT itself, which answers with
     * the template's id and name and the region it stored (RoomStore#insertFromTemplate), so a create costs
     * one round trip instead of two. Empty when the name is taken or the size does not fit: the caller then
     * takes the upsert path, which reads the template again and says what is wrong.
     */
    private Optional<Room> insertNewInOne(Workspace ws, RoomBody body) {
        Room draft = newRoom(ws, body, null, null, body.region());
        if (!RoomRules.fitsSize(draft)) {
            return Optional.empty();
        }
        RoomStore.FromTemplate made = db.readPlain(c -> store.insertFromTemplate(c, ws.id(), draft, body.templateId()))
                .orElseThrow(() -> body.templateId() == null
                        ? new IllegalStateException("workspace without default template") : RoomErrors.templateNotFound());
        if (made.region() == null) {
            return Optional.empty();
        }
        return Optional.of(withTemplate(draft, made.templateId(), made.templateName(), made.region()));
    }

    private Room upsert(Handle h, Workspace ws, RoomBody body) {
        Optional<Room> existing = body.name() == null ? Optional.empty() : store.byName(h, ws.id(), body.name());
        if (existing.isPresent()) {
            return apply(h, ws, requireLocked(h, ws, existing.get().id()), body.withoutName());
        }
        Room room = newRoom(h, ws, body);
        RoomRules.checkSize(room);
        store.insert(h, ws.id(), room);
        return room;
    }

    /** The room {@code body} makes, exactly as reading it back would give it (the answer needs no re-read). */
    private Room newRoom(Handle h, Workspace ws, RoomBody body) {
        Template template = body.templateId() == null ? templates.defaultOf(h, ws) : template(h, ws, body.templateId());
        return newRoom(ws, body, template.id(), template.name(),
                body.region() != null ? body.region() : template.region());
    }

    private Room newRoom(Workspace ws, RoomBody body, String templateId, String templateName, String region) {
        Instant now = clock.instant();
        String name = body.name() != null ? body.name() : Ids.uuid();
        return new Room(Ids.objectId(), name, body.enabled() == null || body.enabled(),
                Objects.requireNonNullElse(body.description(), ""), ws.customerId(), ws.customerId(), ws.id(),
                body.recordingInfo(), body.recordingInfo() == null, templateId, templateName, region,
                Boolean.TRUE.equals(body.largeRoom()), Objects.requireNonNullElse(body.size(), 0),
                Objects.requireNonNullElse(body.maxDurationSeconds(), MAX_DURATION),
                Objects.requireNonNullElse(body.polls(), List.of()), body.webhook(),
                RoomStore.key(ws.customerId(), name), now, now);
    }

    /** {@code draft} (as inserted) with the template the database chose for it. */
    private static Room withTemplate(Room draft, String templateId, String templateName, String region) {
        return new Room(draft.id(), draft.name(), draft.enabled(), draft.description(), draft.customerId(),
                draft.customer(), draft.appId(), draft.recordingInfo(), draft.recordingSourceTemplate(), templateId,
                templateName, region, draft.largeRoom(), draft.size(), draft.maxDurationSeconds(), draft.polls(),
                draft.webhook(), draft.key(), draft.createdAt(), draft.updatedAt());
    }

    /** GET room: from the cache while nothing changed, its workspace compared as the store does. */
    public Room retrieve(Workspace ws, String id) {
        Room room = cache.get(id);
        if (room == null) {
            long stamp = cache.stamp(); // before the read: a change committed meanwhile makes the copy count for nothing
            room = db.readPlain(c -> store.byId(c, ws.id(), id)).orElseThrow(RoomErrors::notFound);
            cache.put(id, room, stamp);
        }
        if (!room.appId().equals(ws.id())) {
            throw RoomErrors.notFound();
        }
        return room;
    }

    /** The room in this transaction, or 404 Room not found; for features that act on a room. */
    public Room require(Handle h, Workspace ws, String id) {
        return store.byId(h, ws.id(), id).orElseThrow(RoomErrors::notFound);
    }

    /**
     * The room, its row locked until {@code h} commits, or 404: what happens in one room (live changes,
     * counting its codes) then happens one change after the other, on every node.
     */
    public Room requireLocked(Handle h, Workspace ws, String id) {
        store.lock(h, ws.id(), id);
        return require(h, ws, id);
    }

    /** {@link #require}, reading what {@code with} adds in the same statement. */
    public <T> T require(Handle h, Workspace ws, String id, RoomStore.With<T> with) {
        return store.byId(h, ws.id(), id, with).orElseThrow(RoomErrors::notFound);
    }

    /** {@link #requireLocked}, reading what {@code with} adds in the statement after the lock. */
    public <T> T requireLocked(Handle h, Workspace ws, String id, RoomStore.With<T> with) {
        store.lock(h, ws.id(), id);
        return require(h, ws, id, with);
    }

    public List<Room> list(Workspace ws, RoomFilter filter) {
        return db.read(h -> store.page(h, ws.id(), filter));
    }

    /** Update or enable/disable (spec §3.5): only the fields sent change. */
    public Room update(Workspace ws, String id, RoomBody body) {
        check(body);
        try {
            // Locked while read, changed and written: two updates at once would otherwise each write back
            // the fields the other changed as they were before (a lost update).
            return db.tx(h -> apply(h, ws, requireLocked(h, ws, id), body));
        } catch (JdbiException e) {
            if (SqlDialect.isUniqueViolation(e)) {
                throw RoomErrors.nameTaken(body.name());
            }
            if (SqlDialect.isForeignKeyViolation(e)) {
                throw RoomErrors.templateNotFound(); // deleted between the check and the write, as in create
            }
            throw e;
        }
    }

    private Room apply(Handle h, Workspace ws, Room room, RoomBody body) {
        Template template = body.templateId() == null ? null : template(h, ws, body.templateId());
        if (body.name() != null && !RoomStore.nameKey(body.name()).equals(RoomStore.nameKey(room.name()))
                && store.byName(h, ws.id(), body.name()).isPresent()) {
            throw RoomErrors.nameTaken(body.name());
        }
        boolean ownRecording = body.recordingInfo() != null || !room.recordingSourceTemplate();
        Room updated = new Room(room.id(),
                body.name() != null ? body.name() : room.name(),
                body.enabled() != null ? body.enabled() : room.enabled(),
                body.description() != null ? body.description() : room.description(),
                room.customerId(), room.customer(), room.appId(),
                body.recordingInfo() != null ? body.recordingInfo() : room.recordingInfo(),
                !ownRecording,
                template != null ? template.id() : room.templateId(),
                template != null ? template.name() : room.template(),
                body.region() != null ? body.region() : room.region(),
                body.largeRoom() != null ? body.largeRoom() : room.largeRoom(),
                body.size() != null ? body.size() : room.size(),
                body.maxDurationSeconds() != null ? body.maxDurationSeconds() : room.maxDurationSeconds(),
                body.polls() != null ? body.polls() : room.polls(),
                body.webhook() != null ? body.webhook() : room.webhook(),
                RoomStore.key(room.customerId(), body.name() != null ? body.name() : room.name()),
                room.createdAt(), clock.instant());
        RoomRules.checkSize(updated);
        store.update(h, ws.id(), updated);
        db.invalidations().changed(h, Invalidations.ROOMS); // a room's copies on every node
        return updated;   // what was written, as reading it back would give it (the row is locked: no one else changed it)
    }

    private Template template(Handle h, Workspace ws, String templateId) {
        return templates.find(h, ws, templateId).orElseThrow(RoomErrors::templateNotFound);
    }

    /** Every room of the workspace, oldest first, disabled ones included (emulator export). */
    public List<Room> all(Handle h, Workspace ws) {
        return store.all(h, ws.id());
    }

    /**
     * Adds a room as an export wrote it (emulator import) with its id, state and times, through the rules of
     * a create: field checks, its template in this workspace, its name free, its size.
     */
    public Room restore(Handle h, Workspace ws, Room given) {
        check(new RoomBody(given.name(), given.description(), given.templateId(), null,
                given.recordingInfo(), given.region(), given.largeRoom(), given.size(), given.maxDurationSeconds(),
                given.webhook(), given.polls(), given.enabled()));
        Template template = template(h, ws, given.templateId());
        if (store.byName(h, ws.id(), given.name()).isPresent()) {
            throw RoomErrors.nameTaken(given.name());
        }
        Room room = new Room(given.id(), given.name(), given.enabled(),
                Objects.requireNonNullElse(given.description(), ""), ws.customerId(), ws.customerId(), ws.id(),
                given.recordingInfo(), given.recordingInfo() == null, template.id(), template.name(),
                given.region() != null ? given.region() : template.region(), given.largeRoom(), given.size(),
                given.maxDurationSeconds(), Objects.requireNonNullElse(given.polls(), List.of()), given.webhook(), null,
                given.createdAt(), given.updatedAt());
        RoomRules.checkSize(room);
        store.insert(h, ws.id(), room);
        return room;
    }
}
