package dev.hundred.server.snapshot;

import dev.hundred.server.store.Database;
import dev.hundred.server.webhooks.WebhookSettings;
import dev.hundred.server.workspaces.Workspace;
import org.jdbi.v3.core.Handle;

/**
 * {@code GET /emulator/v1/export} and {@code hundred export}: the workspace's {@link Snapshot}, read in one
 * transaction so that it is one moment of the workspace. The same data always gives the same bytes (lists
 * in id order, no time of export), so two exports can be compared byte for byte.
 */
public final class ExportService {
    private final Database db;
    private final Features f;

    public ExportService(Database db, Features features) {
        this.db = db;
        this.f = features;
    }

    public Snapshot export(Workspace ws) {
        return db.tx(h -> export(h, ws));
    }

    Snapshot export(Handle h, Workspace ws) {
        SettingsEntry.Webhook webhook = f.webhook().get(h, ws).map(ExportService::withoutSecret).orElse(null);
        return new Snapshot(Snapshot.VERSION,
                f.templates().all(h, ws).stream().map(TemplateEntry::of).toList(),
                f.rooms().all(h, ws).stream().map(RoomEntry::of).toList(),
                f.roomCodes().all(h, ws).stream().map(RoomCodeEntry::of).toList(),
                f.polls().all(h, ws),
                f.streamKeys().all(h, ws).stream().map(StreamKeyEntry::of).toList(),
                new SettingsEntry(f.settings().all(h, ws), webhook));
    }

    /** Never the signing secret (GET /emulator/v1/webhook's rule): only whether there is one. */
    private static SettingsEntry.Webhook withoutSecret(WebhookSettings s) {
        return new SettingsEntry.Webhook(s.url(), s.headers(), s.signingSecret() != null);
    }
}
