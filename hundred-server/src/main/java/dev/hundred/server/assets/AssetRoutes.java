package dev.hundred.server.assets;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Set;

/**
 * Recording assets over HTTP (spec §9.2), and the presigned downloads they point to.
 * <pre>
 * GET  /v2/recording-assets                              list (room_id, session_id, status, type, start, limit)
 * GET  /v2/recording-assets/{asset_id}                   retrieve
 * GET  /v2/recording-assets/{asset_id}/presigned-url     {"id","path","url","expiry"}   ?presign_duration=3600
 * GET  /assets/v1/{asset_id}/{file}?expires=..&signature=..   the bytes (Range supported); no token: the link is the key
 * </pre>
 */
public final class AssetRoutes implements Routes {
    private static final Set<String> STATUSES = Set.of(Asset.COMPLETED, Asset.FAILED, Asset.PROCESSING);

    private final AssetService assets;

    public AssetRoutes(AssetService assets) {
        this.assets = assets;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/v2/recording-assets", this::list);
        routes.get("/v2/recording-assets/{asset_id}", this::retrieve);
        routes.get("/v2/recording-assets/{asset_id}/presigned-url", this::presign);
        routes.get(AssetService.DOWNLOAD_PATH + "{asset_id}/{file}", ctx -> download(ctx, true));
        routes.head(AssetService.DOWNLOAD_PATH + "{asset_id}/{file}", ctx -> download(ctx, false));
    }

    private void list(Context ctx) {
        int limit = Params.limit(ctx);
        String status = Params.string(ctx, "status").orElse(null);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiError.badQuery("status must be one of completed, failed, processing");
        }
        AssetFilter filter = new AssetFilter(Params.string(ctx, "room_id").orElse(null),
                Params.string(ctx, "session_id").orElse(null), Params.string(ctx, "job_id").orElse(null), status,
                Params.string(ctx, "type").orElse(null), Params.start(ctx).orElse(null), limit);
        ctx.json(Page.of(limit, assets.list(AuthFilter.workspace(ctx), filter), Asset::id));
    }

    private void retrieve(Context ctx) {
        ctx.json(assets.retrieve(AuthFilter.workspace(ctx), ctx.pathParam("asset_id")));
    }

    private void presign(Context ctx) {
        Long seconds = AssetService.presignSeconds(ctx.queryParam("presign_duration"));
        ctx.json(assets.presign(AuthFilter.workspace(ctx), ctx.pathParam("asset_id"), seconds, origin(ctx)));
    }

    /** The scheme and host the client used, so the link works from where it called. */
    static String origin(Context ctx) {
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host == null || host.isEmpty() ? ctx.host() : host);
    }

    private void download(Context ctx, boolean withBody) {
        AssetService.Download file = assets.download(ctx.pathParam("asset_id"), ctx.queryParam("expires"),
                ctx.queryParam("signature"));
        ByteRange.serve(ctx, file.contentType(), file.fileName(), file.bytes(), withBody);
    }
}
