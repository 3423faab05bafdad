package dev.hundred.server.jobs;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Params;
import io.javalin.http.Context;

/** The query every list of media jobs takes (spec §8.6, §10.2, §11.2), read from a request once for all kinds. */
public final class JobQuery {
    private static final String STATUSES = String.join(", ", MediaJob.STATUSES);

    private JobQuery() {}

    /** room_id, session_id, status (one of the job statuses), start and limit; each filter null when not given. */
    public static JobFilter read(Context ctx, String kind) {
        int limit = Params.limit(ctx);
        String status = Params.string(ctx, "status").orElse(null);
        if (status != null && !MediaJob.STATUSES.contains(status)) {
            throw ApiError.badQuery("status must be one of " + STATUSES);
        }
        return new JobFilter(kind, Params.string(ctx, "room_id").orElse(null),
                Params.string(ctx, "session_id").orElse(null), status, Params.start(ctx).orElse(null), limit);
    }
}
