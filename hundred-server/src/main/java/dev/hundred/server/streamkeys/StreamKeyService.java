package dev.hundred.server.streamkeys;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * RTMP stream keys (spec §12): one active key per room, made only for an enabled room; disabling a key is
 * for good (a reset is disable, then create). A disabled room answers 403 to every call, and its key is
 * not enabled while the room is not (the key comes back with the room, docs: live-streaming-rtmp-ingestion).
 */
public final class StreamKeyService {
    /** Stream keys are 32 lowercase hex characters (128 random bits). */
    static final int KEY_BYTES = 16;

    private final Database db;
    private final StreamKeyStore store;
    private final RoomService rooms;
    private final Clock clock;
    private final Supplier<String> publicUrl;

    /** {@code publicUrl}: where clients reach this server; its host is the RTMP URL's host. */
    public StreamKeyService(Database db, RoomService rooms, Clock clock, Supplier<String> publicUrl) {
        this(db, new StreamKeyStore(), rooms, clock, publicUrl);
    }

    StreamKeyService(Database db, StreamKeyStore store, RoomService rooms, Clock clock, Supplier<String> publicUrl) {
        this.db = db;
        this.store = store;
        this.rooms = rooms;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** 404 Room not found, 403 when the room is disabled, 400 when it has an active key already. */
    public StreamKey create(Workspace ws, String roomId) {
        checkRoomId(roomId);
        // A unique violation is a drawn key that exists already: the second run draws another.
        return db.txRetryingOnUniqueViolation(h -> {
            Room room = enabledRoom(h, ws, roomId, true);
            if (store.activeInRoom(h, ws.id(), roomId).isPresent()) {
                throw StreamKeyErrors.activeKeyExists();
            }
            Instant now = clock.instant();
            KeyRow key = new KeyRow(Ids.objectId(), ws.id(), roomId, Ids.secret(KEY_BYTES), true, now, now);
            store.insert(h, key);
            return view(ws, key, room);
        });
    }

    /** The room's active key; 404 No active key found when it has none. */
    public StreamKeyList get(Workspace ws, String roomId) {
        checkRoomId(roomId);
        return db.read(h -> {
            Room room = enabledRoom(h, ws, roomId, false);
            KeyRow key = store.activeInRoom(h, ws.id(), roomId).orElseThrow(StreamKeyErrors::noActiveKey);
            return new StreamKeyList(List.of(view(ws, key, room)), key.id());
        });
    }

    /** Disables the room's active key; 404 Key not found when it has none. */
    public KeyDisabled disable(Workspace ws, String roomId) {
        checkRoomId(roomId);
        return db.tx(h -> {
            enabledRoom(h, ws, roomId, true);
            KeyRow key = store.activeInRoom(h, ws.id(), roomId).orElseThrow(StreamKeyErrors::keyNotFound);
            store.deactivate(h, key.id(), clock.instant());
            return KeyDisabled.OK;
        });
    }

    /** A key of this workspace by its value, active or not (the emulator's ingest finds it so). */
    Optional<KeyRow> byKey(Workspace ws, String key) {
        if (key == null || key.length() != KEY_BYTES * 2 || !key.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            return Optional.empty();
        }
        return db.read(h -> store.byKey(h, key)).filter(k -> k.workspaceId().equals(ws.id()));
    }

    /** The key as it is now, in this transaction. */
    KeyRow reread(Handle h, KeyRow key) {
        return store.byId(h, key.workspaceId(), key.id()).orElseThrow();
    }

    /**
     * The RTMP URL a broadcaster streams to: {@code rtmp://<host>/live} with the host clients reach this
     * server at. Hundred has no RTMP listener (the emulator's ingest call stands in for a broadcaster), so
     * the URL only has the cloud's shape; it is made on each read, as the docs warn it may change.
     */
    String rtmpUrl() {
        String host = URI.create(publicUrl.get()).getHost();
        return "rtmp://" + (host == null ? "localhost" : host) + "/live";
    }

    private StreamKey view(Workspace ws, KeyRow key, Room room) {
        return new StreamKey(key.id(), rtmpUrl(), key.key(), key.roomId(), ws.customerId(), ws.id(),
                key.active() && room.enabled(), key.createdAt(), key.updatedAt());
    }

    private Room enabledRoom(Handle h, Workspace ws, String roomId, boolean lock) {
        Room room = lock ? rooms.requireLocked(h, ws, roomId) : rooms.require(h, ws, roomId);
        if (!room.enabled()) {
            throw StreamKeyErrors.roomDisabled();
        }
        return room;
    }

    /** Room ids are 24 hex: anything else (a NUL, which PostgreSQL refuses) is not found on every back end. */
    private static void checkRoomId(String roomId) {
        if (!Ids.isObjectId(roomId)) {
            throw StreamKeyErrors.roomNotFound();
        }
    }

    /** Every key of the workspace, oldest first, disabled ones included (emulator export). */
    public List<KeyRow> all(Handle h, Workspace ws) {
        return store.all(h, ws.id());
    }

    /**
     * Adds a key as an export wrote it (emulator import), with its id, state and times: its room in this
     * workspace, the key's shape, at most one active key per room.
     */
    public KeyRow restore(Handle h, Workspace ws, KeyRow given) {
        if (given.key() == null || given.key().length() != KEY_BYTES * 2
                || !given.key().chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw ApiError.badBody("key must be " + KEY_BYTES * 2 + " lowercase hex digits");
        }
        rooms.require(h, ws, given.roomId());
        if (given.active() && store.activeInRoom(h, ws.id(), given.roomId()).isPresent()) {
            throw StreamKeyErrors.activeKeyExists();
        }
        KeyRow key = new KeyRow(given.id(), ws.id(), given.roomId(), given.key(), given.active(), given.createdAt(),
                given.updatedAt());
        store.insert(h, key);
        return key;
    }
}
