package dev.hundred.server.polls;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.charset.StandardCharsets;

/**
 * Polls over HTTP (spec §14.2).
 * <pre>
 * POST   /v2/polls                                        create         curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/polls -d '{"title":"Lunch?","questions":[{"text":"Pizza?","options":[{"text":"yes"},{"text":"no"}]}]}'
 * GET    /v2/polls/{poll_id}                              retrieve       curl -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL
 * POST   /v2/polls/{poll_id}                              rewrite        curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL -d '{"title":"Dinner?"}'
 * POST   /v2/polls/{poll_id}/questions/{question_id}      rewrite / add  curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL/questions/2 -d '{"text":"Why?","type":"short-answer"}'
 * DELETE /v2/polls/{poll_id}/questions/{question_id}      delete         curl -X DELETE -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL/questions/2
 * POST   /v2/polls/{poll_id}/questions/{q}/options/{o}    rewrite / add  curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL/questions/1/options/3 -d '{"text":"maybe"}'
 * DELETE /v2/polls/{poll_id}/questions/{q}/options/{o}    delete         curl -X DELETE -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL/questions/1/options/3
 * GET    /v2/polls/{poll_id}/sessions[/{session_id}]      runs           curl -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL/sessions
 * GET    /v2/polls/{poll_id}/responses[/{response_id}]    answers        curl -H "Authorization: Bearer $T" 'localhost:8080/v2/polls/$POLL/responses?all=true&question=1'
 * GET    /v2/polls/{poll_id}/results[/{result_id}]        scores         curl -H "Authorization: Bearer $T" localhost:8080/v2/polls/$POLL/results
 * GET    /v2/polls/{poll_id}/sessions/{session_id}/responses[/{id}] and /results[/{id}]: the same, in one session
 * </pre>
 * The docs show every read with {@code curl --request POST} (spec §19.13), so each read answers POST too;
 * on {@code /v2/polls/{poll_id}}, where POST is the rewrite, a POST with no body at all is that read.
 */
public final class PollRoutes implements Routes {
    private static final String POLL = "/v2/polls/{poll_id}";
    private static final String QUESTION = POLL + "/questions/{question_id}";
    private static final String OPTION = QUESTION + "/options/{option_id}";
    private static final String SESSION = POLL + "/sessions/{session_id}";

    private final PollService polls;
    private final PollHistoryService history;

    public PollRoutes(PollService polls, PollHistoryService history) {
        this.polls = polls;
        this.history = history;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/polls", this::create);
        routes.get(POLL, this::retrieve);
        routes.post(POLL, this::rewrite);
        routes.post(QUESTION, this::putQuestion);
        routes.delete(QUESTION, this::deleteQuestion);
        routes.post(OPTION, this::putOption);
        routes.delete(OPTION, this::deleteOption);
        read(routes, POLL + "/sessions", this::sessions);
        read(routes, SESSION, this::sessions);
        read(routes, POLL + "/responses", this::responses);
        read(routes, POLL + "/responses/{response_id}", this::response);
        read(routes, SESSION + "/responses", this::responses);
        read(routes, SESSION + "/responses/{response_id}", this::response);
        read(routes, POLL + "/results", this::results);
        read(routes, POLL + "/results/{result_id}", this::result);
        read(routes, SESSION + "/results", this::results);
        read(routes, SESSION + "/results/{result_id}", this::result);
    }

    private static void read(JavalinDefaultRoutingApi routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.post(path, handler);
    }

    private void create(Context ctx) {
        ctx.json(polls.create(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), Poll.class)));
    }

    private void retrieve(Context ctx) {
        ctx.json(polls.retrieve(AuthFilter.workspace(ctx), ctx.pathParam("poll_id")));
    }

    private void rewrite(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            retrieve(ctx);
            return;
        }
        ctx.json(polls.rewrite(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), Json.readBody(body, Poll.class)));
    }

    private void putQuestion(Context ctx) {
        ctx.json(polls.putQuestion(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), index(ctx, "question_id"),
                Json.readBody(ctx.bodyAsBytes(), Question.class)));
    }

    private void deleteQuestion(Context ctx) {
        polls.deleteQuestion(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), index(ctx, "question_id"));
        ctx.status(204);
    }

    private void putOption(Context ctx) {
        ctx.json(polls.putOption(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), index(ctx, "question_id"),
                index(ctx, "option_id"), Json.readBody(ctx.bodyAsBytes(), Option.class)));
    }

    private void deleteOption(Context ctx) {
        polls.deleteOption(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), index(ctx, "question_id"),
                index(ctx, "option_id"));
        ctx.status(204);
    }

    private void sessions(Context ctx) {
        PollHistoryService.Filter f = filter(ctx);
        ctx.json(PollPage.responses(f.limit(), history.sessions(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), f),
                PollSession::id));
    }

    private void responses(Context ctx) {
        PollHistoryService.Filter f = filter(ctx);
        ctx.json(PollPage.responses(f.limit(), history.responses(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), f),
                PollResponse::id));
    }

    private void response(Context ctx) {
        ctx.json(history.response(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), sessionId(ctx),
                ctx.pathParam("response_id")));
    }

    private void results(Context ctx) {
        PollHistoryService.Filter f = filter(ctx);
        ctx.json(PollPage.results(f.limit(), history.results(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), f),
                PollResult::id));
    }

    private void result(Context ctx) {
        ctx.json(history.result(AuthFilter.workspace(ctx), ctx.pathParam("poll_id"), sessionId(ctx),
                ctx.pathParam("result_id")));
    }

    /** start, limit (10..100), all (responses only), question (an index; 0 or absent: every question). */
    private static PollHistoryService.Filter filter(Context ctx) {
        int limit = Params.limit(ctx);
        boolean all = Params.bool(ctx, "all").orElse(false);
        int question = Params.string(ctx, "question").map(PollRoutes::question).orElse(0);
        return new PollHistoryService.Filter(sessionId(ctx), all, question, Params.start(ctx).orElse(null), limit);
    }

    private static int question(String raw) {
        try {
            int q = Integer.parseInt(raw.trim());
            if (q >= 0) {
                return q;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiError.badQuery("question must be a question index (an integer from 1)");
    }

    private static String sessionId(Context ctx) {
        return ctx.pathParamMap().get("session_id");
    }

    private static int index(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            int index = Integer.parseInt(raw);
            if (index >= 1) {
                return index;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw PollErrors.badIndex(name);
    }
}
