package dev.hundred.client.service;

import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.Poll;
import dev.hundred.client.model.PollOption;
import dev.hundred.client.model.PollQuestion;
import dev.hundred.client.model.PollResponse;
import dev.hundred.client.model.PollResult;
import dev.hundred.client.model.PollSession;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.PollOptionParams;
import dev.hundred.client.param.PollParams;
import dev.hundred.client.param.PollQuestionParams;
import dev.hundred.client.param.PollResponseListParams;

/** Polls and quizzes, {@code /polls} (spec §14). Question and option ids are their 1-based indexes. */
public final class PollService extends Service {
    public PollService(Requester requester) {
        super(requester);
    }

    public Poll create(PollParams params) {
        return r.call("POST", "/polls", null, body(params), Poll.class);
    }

    /** Rewrites the whole poll. */
    public Poll update(String pollId, PollParams params) {
        return r.call("POST", path(pollId), null, body(params), Poll.class);
    }

    public Poll retrieve(String pollId) {
        return r.call("GET", path(pollId), null, null, Poll.class);
    }

    public PollQuestion updateQuestion(String pollId, int question, PollQuestionParams params) {
        return r.call("POST", path(pollId) + "/questions/" + question, null, body(params), PollQuestion.class);
    }

    /** Deletes a question; the later ones move down by one. */
    public void deleteQuestion(String pollId, int question) {
        r.send("DELETE", path(pollId) + "/questions/" + question, null, null);
    }

    public PollOption updateOption(String pollId, int question, int option, PollOptionParams params) {
        return r.call("POST", path(pollId) + "/questions/" + question + "/options/" + option, null, body(params),
                PollOption.class);
    }

    public void deleteOption(String pollId, int question, int option) {
        r.send("DELETE", path(pollId) + "/questions/" + question + "/options/" + option, null, null);
    }

    public HmsPage<PollSession> listSessions(String pollId, PollResponseListParams params) {
        return Pages.byLast(r, path(pollId) + "/sessions", query(params), PollSession.class, "responses");
    }

    public HmsPage<PollResponse> listResponses(String pollId, PollResponseListParams params) {
        return Pages.byLast(r, path(pollId) + "/responses", query(params), PollResponse.class, "responses");
    }

    public PollResponse retrieveResponse(String pollId, String responseId) {
        return r.call("GET", path(pollId) + "/responses/" + seg(responseId), null, null, PollResponse.class);
    }

    public HmsPage<PollResult> listResults(String pollId, PollResponseListParams params) {
        return Pages.byLast(r, path(pollId) + "/results", query(params), PollResult.class, "results");
    }

    public PollResult retrieveResult(String pollId, String resultId) {
        return r.call("GET", path(pollId) + "/results/" + seg(resultId), null, null, PollResult.class);
    }

    private static String path(String pollId) {
        return "/polls/" + seg(pollId);
    }
}
