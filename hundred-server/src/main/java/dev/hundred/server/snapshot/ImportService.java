package dev.hundred.server.snapshot;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.polls.Poll;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * {@code POST /emulator/v1/import} and {@code serve --seed}: loads a {@link Snapshot} into a workspace that
 * has nothing in it yet (no rooms, polls or stream keys, and only the template it was made with, which the
 * document's templates replace), keeping the document's ids and times. All or nothing, in one transaction:
 * each entry goes through its feature's rules (the API's 400s, with the entry named), ids taken by another
 * workspace are a 409, and a workspace that is not new is a 409.
 */
public final class ImportService {
    private final Database db;
    private final Features f;
    private final SnapshotStore store = new SnapshotStore();

    public ImportService(Database db, Features features) {
        this.db = db;
        this.f = features;
    }

    public void load(Workspace ws, Snapshot doc) {
        check(doc);
        db.tx(h -> {
            String content = content(h, ws);
            if (content != null) {
                throw SnapshotErrors.notEmpty(content);
            }
            restore(h, ws, doc);
            return null;
        });
    }

    /** What the workspace has that a new one has not ("2 rooms, 1 poll"), or null when it is new. */
    String content(Handle h, Workspace ws) {
        List<String> parts = new ArrayList<>();
        count(parts, f.rooms().all(h, ws).size(), "room");
        count(parts, f.polls().all(h, ws).size(), "poll");
        count(parts, f.streamKeys().all(h, ws).size(), "stream key");
        int templates = f.templates().all(h, ws).size();
        if (templates > 1) {
            count(parts, templates, "template");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void count(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }

    private void restore(Handle h, Workspace ws, Snapshot doc) {
        f.templates().deleteAll(h, ws);
        free(h, "templates", list(doc.templates()), TemplateEntry::id, "templates", "id");
        free(h, "rooms", list(doc.rooms()), RoomEntry::id, "rooms", "id");
        free(h, "room_codes", list(doc.roomCodes()), RoomCodeEntry::id, "room_codes", "id");
        free(h, "room_codes", list(doc.roomCodes()), RoomCodeEntry::code, "room_codes", "code");
        free(h, "polls", list(doc.polls()), Poll::id, "polls", "id");
        free(h, "stream_keys", list(doc.streamKeys()), StreamKeyEntry::id, "stream_keys", "id");
        free(h, "stream_keys", list(doc.streamKeys()), StreamKeyEntry::key, "stream_keys", "key", "stream_key");
        each(doc.templates(), "templates", t -> f.templates().restore(h, ws, t.template()));
        each(doc.polls(), "polls", p -> f.polls().restore(h, ws, p));
        each(doc.rooms(), "rooms", r -> f.rooms().restore(h, ws, r.room()));
        each(doc.roomCodes(), "room_codes", c -> f.roomCodes().restore(h, ws, c.roomCode()));
        each(doc.streamKeys(), "stream_keys", k -> f.streamKeys().restore(h, ws, k.keyRow()));
        SettingsEntry settings = doc.settings();
        if (settings != null && settings.emulator() != null) {
            at("settings.emulator", () -> {
                f.settings().restore(h, ws, settings.emulator());
                return null;
            });
        }
        if (settings != null && settings.webhook() != null) {
            at("settings.webhook", () -> {
                f.webhook().restore(h, ws, settings.webhook().url(), settings.webhook().headers());
                return null;
            });
        }
    }

    private <T> void free(Handle h, String table, List<T> entries, Function<T, String> value, String list, String field) {
        free(h, table, entries, value, list, field, field);
    }

    private <T> void free(Handle h, String table, List<T> entries, Function<T, String> value, String list, String field,
                          String column) {
        for (int i = 0; i < entries.size(); i++) {
            String v = value.apply(entries.get(i));
            if (store.taken(h, table, column, v)) {
                throw SnapshotErrors.idTaken(list + "[" + i + "]." + field, v);
            }
        }
    }

    private static <T> void each(List<T> entries, String list, Consumer<T> restore) {
        List<T> all = list(entries);
        for (int i = 0; i < all.size(); i++) {
            T entry = all.get(i);
            at(list + "[" + i + "]", () -> {
                restore.accept(entry);
                return null;
            });
        }
    }

    private static <R> R at(String path, Supplier<R> work) {
        try {
            return work.get();
        } catch (ApiError e) {
            throw SnapshotErrors.at(path, e);
        }
    }

    private static <T> List<T> list(List<T> entries) {
        return entries == null ? List.of() : entries;
    }

    /** What the document must be before anything is read from the database: its shape, ids and duplicates. */
    static void check(Snapshot doc) {
        if (doc.version() == null) {
            throw SnapshotErrors.bad("version is required");
        }
        if (doc.version() != Snapshot.VERSION) {
            throw SnapshotErrors.bad("version must be " + Snapshot.VERSION + " (this server reads version "
                    + Snapshot.VERSION + " documents), not " + doc.version());
        }
        List<TemplateEntry> templates = list(doc.templates());
        if (templates.isEmpty()) {
            throw SnapshotErrors.bad("templates must hold at least one template (a workspace has a default one)");
        }
        if (templates.stream().filter(t -> t != null && Boolean.TRUE.equals(t.isDefault())).count() != 1) {
            throw SnapshotErrors.bad("templates must have exactly one template with \"default\": true");
        }
        Unique ids = new Unique();
        Unique names = new Unique();
        for (int i = 0; i < templates.size(); i++) {
            String at = "templates[" + i + "]";
            TemplateEntry t = notNull(at, templates.get(i));
            ids.add(at + ".id", id(at + ".id", t.id()));
            names.add(at + ".name", required(at + ".name", t.name()));
            required(at + ".createdAt", t.createdAt());
            required(at + ".updatedAt", t.updatedAt());
        }
        ids = new Unique();
        names = new Unique(); // room names are case-insensitive
        for (int i = 0; i < list(doc.rooms()).size(); i++) {
            String at = "rooms[" + i + "]";
            RoomEntry r = notNull(at, doc.rooms().get(i));
            ids.add(at + ".id", id(at + ".id", r.id()));
            names.add(at + ".name", required(at + ".name", r.name()).toLowerCase(Locale.ROOT));
            required(at + ".template_id", r.templateId());
            required(at + ".created_at", r.createdAt());
            required(at + ".updated_at", r.updatedAt());
        }
        ids = new Unique();
        Unique codes = new Unique();
        for (int i = 0; i < list(doc.roomCodes()).size(); i++) {
            String at = "room_codes[" + i + "]";
            RoomCodeEntry c = notNull(at, doc.roomCodes().get(i));
            ids.add(at + ".id", id(at + ".id", c.id()));
            codes.add(at + ".code", required(at + ".code", c.code()));
            required(at + ".room_id", c.roomId());
            required(at + ".role", c.role());
            required(at + ".created_at", c.createdAt());
            required(at + ".updated_at", c.updatedAt());
        }
        ids = new Unique();
        for (int i = 0; i < list(doc.polls()).size(); i++) {
            String at = "polls[" + i + "]";
            ids.add(at + ".id", id(at + ".id", notNull(at, doc.polls().get(i)).id()));
        }
        ids = new Unique();
        Unique keys = new Unique();
        for (int i = 0; i < list(doc.streamKeys()).size(); i++) {
            String at = "stream_keys[" + i + "]";
            StreamKeyEntry k = notNull(at, doc.streamKeys().get(i));
            ids.add(at + ".id", id(at + ".id", k.id()));
            keys.add(at + ".key", required(at + ".key", k.key()));
            required(at + ".room_id", k.roomId());
            required(at + ".created_at", k.createdAt());
            required(at + ".updated_at", k.updatedAt());
        }
    }

    private static <T> T notNull(String at, T value) {
        return required(at, value);
    }

    private static <T> T required(String at, T value) {
        if (value == null) {
            throw SnapshotErrors.bad(at + " is required");
        }
        return value;
    }

    private static String id(String at, String value) {
        if (!Ids.isObjectId(required(at, value))) {
            throw SnapshotErrors.bad(at + " must be 24 lowercase hex characters");
        }
        return value;
    }

    /** Values that may appear once in the document; the second use names both places. */
    private static final class Unique {
        private final Map<String, String> where = new HashMap<>();

        void add(String at, String value) {
            String first = where.putIfAbsent(value, at);
            if (first != null) {
                throw SnapshotErrors.bad(at + " is " + value + ", as " + first + " is: each must be unique");
            }
        }
    }
}
