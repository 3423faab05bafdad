package dev.hundred.server.snapshot;

import dev.hundred.server.emulator.FaultService;
import dev.hundred.server.emulator.RequestJournal;
import dev.hundred.server.gateway.PeerSockets;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import dev.hundred.server.store.Database;
import dev.hundred.server.workspaces.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reset, export and import, assembled: {@code Hundred} builds one, adds its routes, and the CLI's
 * {@code export} and {@code serve --seed} use it directly.
 */
public final class Snapshots {
    private final Database db;
    private final ResetService resets;
    private final ExportService exports;
    private final ImportService imports;

    public Snapshots(Database db, Features features, FaultService faults, RequestJournal journal, PeerSockets sockets) {
        this.db = db;
        this.resets = new ResetService(db, features.templates(), features.settings(), faults, journal, sockets);
        this.exports = new ExportService(db, features);
        this.imports = new ImportService(db, features);
    }

    public Routes routes() {
        return new SnapshotRoutes(this);
    }

    public void reset(Workspace ws) {
        resets.reset(ws);
    }

    public Snapshot export(Workspace ws) {
        return exports.export(ws);
    }

    /** The document as GET /emulator/v1/export answers it, byte for byte. */
    public String exportJson(Workspace ws) {
        return Json.write(export(ws));
    }

    public void load(Workspace ws, Snapshot doc) {
        imports.load(ws, doc);
    }

    /** {@code serve --seed}: imports when the workspace is new; false (nothing done) when it is not. */
    public boolean seed(Workspace ws, byte[] json) {
        Snapshot doc = Json.readBody(json, Snapshot.class);
        if (db.read(h -> imports.content(h, ws)) != null) {
            return false;
        }
        imports.load(ws, doc);
        return true;
    }

    /** How many entries of each kind a document holds (the import's answer). */
    static Map<String, Integer> counts(Snapshot doc) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("templates", size(doc.templates()));
        counts.put("rooms", size(doc.rooms()));
        counts.put("room_codes", size(doc.roomCodes()));
        counts.put("polls", size(doc.polls()));
        counts.put("stream_keys", size(doc.streamKeys()));
        return counts;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
