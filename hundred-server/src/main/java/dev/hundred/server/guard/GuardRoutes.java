package dev.hundred.server.guard;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Routes;
import dev.hundred.server.workspaces.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;

/**
 * The guards on {@code /v2}, HTTP only. Registered before every feature's routes, so they run right after
 * the token check, in this order:
 *
 * <pre>
 * before /v2/*   rate limit      429 "rate limit exceeded, retry after N seconds" + Retry-After   (--rate-limit)
 * before /v2/*   idempotency     POST with Idempotency-Key: claim the key, or answer the first answer again
 * after  /v2/*   idempotency     the request that claimed a key stores its answer (or gives the key back)
 * </pre>
 *
 * Paths without a management token ({@code /v2/token}, {@code /v2/sip/dtmf}) have no workspace: neither
 * guard applies there. The emulator ({@code /emulator/v1}) and {@code /healthz} are not under {@code /v2}.
 */
final class GuardRoutes implements Routes {
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIM = "hundred.idempotency.claim";

    private final RateLimiter limiter;
    private final IdempotencyService idempotency;

    GuardRoutes(RateLimiter limiter, IdempotencyService idempotency) {
        this.limiter = limiter;
        this.idempotency = idempotency;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        if (limiter != null) {
            routes.before("/v2/*", this::limitRate);
        }
        routes.before("/v2/*", this::claimKey);
        routes.after("/v2/*", this::storeAnswer);
        routes.exception(ReplayedAnswer.class, (e, ctx) -> replay(ctx, e.answer()));
    }

    private void limitRate(Context ctx) {
        Workspace ws = AuthFilter.workspaceIfAny(ctx);
        if (ws == null) {
            return;
        }
        long retryAfter = limiter.take(ws.id());
        if (retryAfter > 0) {
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw GuardErrors.rateLimited(retryAfter, limiter.limit());
        }
    }

    private void claimKey(Context ctx) {
        if (!HandlerType.POST.equals(ctx.method())) {
            return;
        }
        List<String> values = Collections.list(ctx.req().getHeaders(IdempotencyKey.HEADER));
        Workspace ws = AuthFilter.workspaceIfAny(ctx);
        if (values.isEmpty() || ws == null) {
            return;
        }
        String key = IdempotencyKey.parse(values);
        RequestFingerprint fp = RequestFingerprint.of(ctx.path(), ctx.queryString(), ctx.bodyAsBytes());
        IdempotencyService.Begun begun = idempotency.begin(ws.id(), key, fp);
        if (begun instanceof IdempotencyService.Replay replay) {
            throw new ReplayedAnswer(replay.answer());
        }
        ctx.attribute(CLAIM, ((IdempotencyService.Run) begun).claim());
    }

    private void storeAnswer(Context ctx) {
        Claim claim = ctx.attribute(CLAIM);
        if (claim == null) {
            return;
        }
        ctx.attribute(CLAIM, null);
        byte[] body = resultBytes(ctx);
        idempotency.finish(claim, new StoredAnswer(ctx.statusCode(), ctx.res().getContentType(), body));
    }

    /** The answer's body as it will be written; the result is set again, since reading consumed it. */
    private static byte[] resultBytes(Context ctx) {
        InputStream result = ctx.resultInputStream();
        if (result == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = result.readAllBytes();
            ctx.result(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replay(Context ctx, StoredAnswer answer) {
        ctx.status(answer.status());
        if (answer.contentType() != null) {
            ctx.contentType(answer.contentType());
        }
        ctx.header(REPLAYED_HEADER, "true");
        ctx.result(answer.body());
    }
}
