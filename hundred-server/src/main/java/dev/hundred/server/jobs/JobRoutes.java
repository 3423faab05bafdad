package dev.hundred.server.jobs;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Set;

/**
 * The emulator's controls for media jobs (docs/emulator.md); any kind: recording, live or external stream.
 * <pre>
 * GET  /emulator/v1/jobs/{job_id}           the job's state
 * POST /emulator/v1/jobs/{job_id}/advance   its next state now
 * POST /emulator/v1/jobs/{job_id}/fail      -d '{"error_type": "UPLOAD_ERROR", "error_message": "bucket gone"}'
 * </pre>
 */
public final class JobRoutes implements Routes {
    /** Beam/HLS error types (spec §17.5). */
    static final Set<String> ERROR_TYPES = Set.of("INTERNAL_ERROR", "MAX_RETRIES_REACHED", "UPLOAD_ERROR", "BEAM_STOPPED");
    static final int MAX_ERROR_MESSAGE = 1024;

    private final JobService jobs;

    record Failure(String errorType, String errorMessage) {}

    public JobRoutes(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/emulator/v1/jobs/{job_id}", this::get);
        routes.post("/emulator/v1/jobs/{job_id}/advance", this::advance);
        routes.post("/emulator/v1/jobs/{job_id}/fail", this::fail);
    }

    private void get(Context ctx) {
        ctx.json(JobView.of(jobs.find(AuthFilter.workspace(ctx), ctx.pathParam("job_id")).orElseThrow(JobErrors::jobNotFound)));
    }

    private void advance(Context ctx) {
        ctx.json(JobView.of(jobs.advance(AuthFilter.workspace(ctx), ctx.pathParam("job_id"))));
    }

    private void fail(Context ctx) {
        Failure body = Json.readBody(ctx.bodyAsBytes(), Failure.class);
        String type = body.errorType() == null ? "INTERNAL_ERROR" : body.errorType();
        if (!ERROR_TYPES.contains(type)) {
            throw ApiError.badBody("error_type must be one of " + String.join(", ", ERROR_TYPES.stream().sorted().toList()));
        }
        String message = body.errorMessage() == null ? type : body.errorMessage();
        if (message.length() > MAX_ERROR_MESSAGE) {
            throw ApiError.badBody("error_message must be at most " + MAX_ERROR_MESSAGE + " characters");
        }
        ctx.json(JobView.of(jobs.fail(AuthFilter.workspace(ctx), ctx.pathParam("job_id"), type, message)));
    }
}
