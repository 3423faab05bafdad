package dev.hundred.server.webhooks;

import dev.hundred.server.rooms.RoomWebhook;
import dev.hundred.server.http.PrivateTargets;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Invalidations;
import dev.hundred.server.workspaces.Workspace;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The workspace webhook (set with {@code hundred workspace update} or {@code POST /emulator/v1/webhook})
 * and the rule that picks a delivery's destination: the room's own webhook wins for its room (spec §17.2).
 */
public final class WebhookSettingsService {
    /** RFC 7230 token characters: what an HTTP header name may be. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Database db;
    private final WebhookSettingsStore store;
    private final PrivateTargets targets;
    private final Clock clock;
    private final WebhookTargets cached;

    public WebhookSettingsService(Database db, WebhookSettingsStore store, PrivateTargets targets, Clock clock) {
        this.db = db;
        this.store = store;
        this.targets = targets;
        this.clock = clock;
        this.cached = new WebhookTargets(store, db.invalidations());
    }

    public Optional<WebhookSettings> get(Workspace ws) {
        return db.read(h -> store.find(h, ws.id()));
    }

    /** Replaces the workspace webhook. An empty signing secret means "unsigned". */
    public WebhookSettings set(Workspace ws, WebhookSettings settings) {
        check(settings);
        targets.check("url", settings.url());
        String secret = settings.signingSecret() == null || settings.signingSecret().isEmpty() ? null : settings.signingSecret();
        WebhookSettings clean = new WebhookSettings(settings.url(),
                new LinkedHashMap<>(settings.headers() == null ? Map.of() : settings.headers()), secret);
        db.tx(h -> {
            store.save(h, ws.id(), clean, clock.instant());
            changed(h);
            return null;
        });
        return clean;
    }

    public void clear(Workspace ws) {
        db.tx(h -> {
            store.delete(h, ws.id());
            changed(h);
            return null;
        });
    }

    /** Every node's copies of the workspace webhooks ({@link WebhookTargets}) are dropped once {@code h} commits. */
    private void changed(Handle h) {
        db.invalidations().changed(h, Invalidations.WEBHOOK_SETTINGS);
    }

    /**
     * Where a room's events go now, in this transaction (from the cache while neither webhook changed:
     * {@link WebhookTargets}); empty when nothing is configured.
     */
    Optional<Destination> destination(Handle h, String workspaceId, String roomId) {
        WebhookSettingsStore.Targets targets = cached.of(h, workspaceId, roomId);
        Optional<WebhookSettings> workspace = targets.workspace();
        String secret = workspace.map(WebhookSettings::signingSecret).orElse(null);
        Optional<RoomWebhook> room = targets.room();
        if (room.isPresent()) {
            return Optional.of(new Destination(room.get().url(),
                    room.get().headers() == null ? Map.of() : room.get().headers(), secret));
        }
        return workspace.map(s -> new Destination(s.url(), s.headers(), secret));
    }

    /** The signing_secret column's width; a URL and a header value are held to sizes no receiver exceeds. */
    static final int MAX_SECRET = 512;
    static final int MAX_URL = 4096;
    static final int MAX_HEADERS = 50;

    static void check(WebhookSettings s) {
        if (s.url() == null || s.url().isBlank()) {
            throw WebhookErrors.badSetting("url is required");
        }
        if (s.url().length() > MAX_URL) {
            throw WebhookErrors.badSetting("url must be at most " + MAX_URL + " characters");
        }
        if (s.signingSecret() != null && s.signingSecret().length() > MAX_SECRET) {
            throw WebhookErrors.badSetting("signing_secret must be at most " + MAX_SECRET + " characters");
        }
        if (s.headers() != null && s.headers().size() > MAX_HEADERS) {
            throw WebhookErrors.badSetting("headers must have at most " + MAX_HEADERS + " entries");
        }
        try {
            URI uri = new URI(s.url());
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw WebhookErrors.badSetting("url must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw WebhookErrors.badSetting("url must be an http or https URL");
        }
        if (s.headers() != null) {
            for (Map.Entry<String, String> header : s.headers().entrySet()) {
                if (!HEADER_NAME.matcher(header.getKey()).matches()) {
                    throw WebhookErrors.badSetting("headers: " + header.getKey() + " is not a valid header name");
                }
                if (header.getValue() == null || header.getValue().indexOf('\n') >= 0 || header.getValue().indexOf('\r') >= 0
                        || header.getValue().length() > MAX_URL) {
                    throw WebhookErrors.badSetting("headers." + header.getKey() + " must be a one-line string");
                }
            }
        }
    }

    /** The workspace webhook in {@code h} (emulator export). */
    public Optional<WebhookSettings> get(Handle h, Workspace ws) {
        return store.find(h, ws.id());
    }

    /**
     * Sets the workspace webhook's URL and headers through the rules of a POST, keeping the workspace's own
     * signing secret (an export never holds one), in {@code h} (emulator import).
     */
    public void restore(Handle h, Workspace ws, String url, Map<String, String> headers) {
        String secret = store.find(h, ws.id()).map(WebhookSettings::signingSecret).orElse(null);
        WebhookSettings settings = new WebhookSettings(url, new LinkedHashMap<>(headers == null ? Map.of() : headers), secret);
        check(settings);
        targets.check("url", settings.url());
        store.save(h, ws.id(), settings, clock.instant());
        changed(h);
    }
}
