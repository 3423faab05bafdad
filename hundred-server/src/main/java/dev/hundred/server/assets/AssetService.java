package dev.hundred.server.assets;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Recording assets (spec §9): what jobs produce, stored with their bytes in the transaction of the job's
 * completion, listed and fetched through the API, downloaded through expiring links signed with the
 * workspace's secret and served by Hundred itself ({@code /assets/v1/...}).
 */
public final class AssetService {
    static final long MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
    static final String DOWNLOAD_PATH = "/assets/v1/";

    private final Database db;
    private final AssetStore store = new AssetStore();
    private final RoomService rooms;
    private final TemplateService templates;
    private final WorkspaceService workspaces;
    private final Clock clock;
    private final Supplier<String> publicUrl;

    /** {@code publicUrl}: the server's base URL as clients reach it, for links in webhooks (no request to read it from). */
    public AssetService(Database db, RoomService rooms, TemplateService templates, WorkspaceService workspaces,
                        Clock clock, Supplier<String> publicUrl) {
        this.db = db;
        this.rooms = rooms;
        this.templates = templates;
        this.workspaces = workspaces;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** Stores an asset of a job on this transaction; its path follows the room's storage destination. */
    public Asset create(Handle h, Workspace ws, String jobId, String roomId, String sessionId, AssetDraft draft) {
        Instant now = clock.instant();
        String id = Ids.objectId();
        Asset asset = new Asset(id, jobId, roomId, sessionId, draft.type(),
                storage(h, ws, roomId).of(ws.customerId(), roomId, jobId, now, draft.fileName()), draft.status(),
                draft.bytes().length, draft.durationSeconds(), now, draft.thumbnails(), draft.metadata());
        store.insert(h, ws.id(), asset, draft.fileName(), draft.contentType(), draft.bytes());
        return asset;
    }

    /** A {@link Asset#PROCESSING} asset (a transcript) gets its final bytes and status. */
    public void complete(Handle h, String assetId, String status, byte[] bytes) {
        store.complete(h, assetId, status, bytes);
    }

    public List<Asset> ofJob(Handle h, Workspace ws, String jobId) {
        return store.ofJob(h, ws.id(), jobId);
    }

    public List<Asset> ofJob(Workspace ws, String jobId) {
        return db.read(h -> store.ofJob(h, ws.id(), jobId));
    }

    public Asset retrieve(Workspace ws, String id) {
        return db.read(h -> store.byId(h, ws.id(), id)).orElseThrow(AssetErrors::notFound);
    }

    List<Asset> list(Workspace ws, AssetFilter filter) {
        return db.read(h -> store.page(h, ws.id(), filter));
    }

    /** The presigned-url endpoint: {@code seconds} null means the storage's default validity. */
    PresignedUrl presign(Workspace ws, String assetId, Long seconds, String baseUrl) {
        return db.read(h -> {
            Asset asset = store.byId(h, ws.id(), assetId).orElseThrow(AssetErrors::notFound);
            long validity = seconds != null ? seconds : storage(h, ws, asset.roomId()).defaultValiditySeconds();
            return new PresignedUrl(asset.id(), asset.path(), url(ws, asset, baseUrl, validity), validity);
        });
    }

    /** A presigned link for a webhook ({@code recording_presigned_url}), on the server's public URL. */
    public String presignedUrl(Workspace ws, Asset asset, Duration validity) {
        return url(ws, asset, publicUrl.get(), validity.toSeconds());
    }

    private String url(Workspace ws, Asset asset, String baseUrl, long validitySeconds) {
        long expires = clock.instant().getEpochSecond() + validitySeconds;
        String file = asset.path().substring(asset.path().lastIndexOf('/') + 1);
        return baseUrl + DOWNLOAD_PATH + asset.id() + "/" + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20")
                + "?expires=" + expires + "&signature=" + Presigner.sign(ws.secret(), asset.id(), expires);
    }

    /** A download: the asset when the link's signature holds and it has not expired; 403 otherwise. */
    Download download(String assetId, String expires, String signature) {
        if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            throw AssetErrors.signatureMismatch();
        }
        long expiresAt = Long.parseLong(expires);
        return db.read(h -> {
            AssetStore.Stored stored = store.stored(h, assetId).orElseThrow(AssetErrors::signatureMismatch);
            Workspace ws = workspaces.byId(stored.workspaceId());
            if (ws == null || !Presigner.verify(ws.secret(), assetId, expiresAt, signature)) {
                throw AssetErrors.signatureMismatch();
            }
            if (clock.instant().getEpochSecond() > expiresAt) {
                throw AssetErrors.urlExpired();
            }
            return new Download(stored.fileName(), stored.contentType(), store.bytes(h, assetId));
        });
    }

    record Download(String fileName, String contentType, byte[] bytes) {}

    private StoragePath storage(Handle h, Workspace ws, String roomId) {
        Room room = rooms.require(h, ws, roomId);
        return StoragePath.of(room, templates.find(h, ws, room.templateId()).orElse(null));
    }

    /** presign_duration as the query gives it: whole seconds, 1 to 7 days' worth (an S3 presign's limit). */
    static Long presignSeconds(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(raw.trim());
            if (seconds >= 1 && seconds <= MAX_PRESIGN_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badQuery("presign_duration must be an integer from 1 to " + MAX_PRESIGN_SECONDS + " (seconds)");
    }
}
