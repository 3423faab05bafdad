package dev.hundred.server.polls;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Poll definitions (spec §14.2): create, rewrite, read, and the question and option rewrites and deletes.
 * Question and option ids are their 1-based indexes: a rewrite at the next free index adds one, a delete
 * moves the later ones down by one (and a deleted option leaves the question's right answer too).
 * Edits of one poll are serialized on its row. A running poll may be edited: answers are checked
 * against the poll as it is when they arrive.
 */
public final class PollService {
    private final Database db;
    private final PollStore store;
    private final Clock clock;

    PollService(Database db, PollStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    public PollService(Database db, Clock clock) {
        this(db, new PollStore(), clock);
    }

    PollStore store() {
        return store;
    }

    public Poll create(Workspace ws, Poll body) {
        Poll poll = PollRules.poll(body).withId(Ids.objectId());
        db.tx(h -> {
            store.insert(h, ws.id(), poll, clock.instant());
            return null;
        });
        return poll;
    }

    public Poll retrieve(Workspace ws, String id) {
        return db.read(h -> require(h, ws, id));
    }

    /** Every field is rewritten: what the body leaves out takes its default. */
    public Poll rewrite(Workspace ws, String id, Poll body) {
        Poll poll = PollRules.poll(body).withId(id);
        return edit(ws, id, current -> poll);
    }

    /** Rewrites question {@code index}, or adds it when it is the next free index. */
    public Question putQuestion(Workspace ws, String id, int index, Question body) {
        if (body.index() != null && body.index() != index) {
            throw PollErrors.indexMismatch("index", body.index(), index);
        }
        Question question = PollRules.question(body, index, "");
        Poll poll = edit(ws, id, current -> {
            List<Question> questions = new ArrayList<>(current.questions());
            if (index == questions.size() + 1) {
                if (questions.size() >= PollRules.MAX_QUESTIONS) {
                    throw ApiError.badBody(
                            "questions must have at most " + PollRules.MAX_QUESTIONS + " questions");
                }
                questions.add(question);
            } else if (index <= questions.size()) {
                questions.set(index - 1, question);
            } else {
                throw PollErrors.questionCannotBeAdded(index, questions.size());
            }
            return current.withQuestions(questions);
        });
        return poll.questions().get(index - 1);
    }

    public void deleteQuestion(Workspace ws, String id, int index) {
        edit(ws, id, current -> {
            List<Question> questions = new ArrayList<>(current.questions());
            if (index > questions.size()) {
                throw PollErrors.questionNotFound(index, questions.size());
            }
            questions.remove(index - 1);
            for (int i = index - 1; i < questions.size(); i++) {
                questions.set(i, questions.get(i).withIndex(i + 1));
            }
            return current.withQuestions(questions);
        });
    }

    /** Rewrites option {@code optionIndex} of a choice question, or adds it at the next free index. */
    public Option putOption(Workspace ws, String id, int questionIndex, int optionIndex, Option body) {
        if (body.index() != null && body.index() != optionIndex) {
            throw PollErrors.indexMismatch("index", body.index(), optionIndex);
        }
        Option option = PollRules.option(body, optionIndex, "");
        editQuestion(ws, id, questionIndex, q -> {
            if (!q.isChoice()) {
                throw PollErrors.textQuestionHasNoOptions(q.type());
            }
            List<Option> options = new ArrayList<>(q.options());
            if (optionIndex == options.size() + 1) {
                if (options.size() >= PollRules.MAX_OPTIONS) {
                    throw ApiError.badBody(
                            "options must have at most " + PollRules.MAX_OPTIONS + " options");
                }
                options.add(option);
            } else if (optionIndex <= options.size()) {
                options.set(optionIndex - 1, option);
            } else {
                throw PollErrors.optionCannotBeAdded(optionIndex, options.size());
            }
            return q.withOptions(options, q.answer());
        });
        return option;
    }

    /** Deletes an option; later options move down, and the right answer follows them. */
    public void deleteOption(Workspace ws, String id, int questionIndex, int optionIndex) {
        editQuestion(ws, id, questionIndex, q -> {
            List<Option> options = new ArrayList<>(q.options());
            if (optionIndex > options.size()) {
                throw PollErrors.optionNotFound(optionIndex, options.size());
            }
            options.remove(optionIndex - 1);
            for (int i = optionIndex - 1; i < options.size(); i++) {
                options.set(i, options.get(i).withIndex(i + 1));
            }
            Answer a = q.answer();
            Answer answer = a == null ? null : new Answer(a.hidden(), a.options().stream()
                    .filter(o -> o != optionIndex).map(o -> o > optionIndex ? o - 1 : o).toList(),
                    a.text(), a.caseSensitive(), a.trim());
            return q.withOptions(options, answer);
        });
    }

    private void editQuestion(Workspace ws, String id, int questionIndex, Function<Question, Question> change) {
        edit(ws, id, current -> {
            List<Question> questions = new ArrayList<>(current.questions());
            if (questionIndex > questions.size()) {
                throw PollErrors.questionNotFound(questionIndex, questions.size());
            }
            questions.set(questionIndex - 1, change.apply(questions.get(questionIndex - 1)));
            return current.withQuestions(questions);
        });
    }

    private Poll edit(Workspace ws, String id, Function<Poll, Poll> change) {
        return db.tx(h -> {
            Poll current = store.lockById(h, ws.id(), id).orElseThrow(PollErrors::pollNotFound);
            Poll next = change.apply(current).withId(id);
            store.update(h, ws.id(), next, clock.instant());
            return next;
        });
    }

    /** The poll in this transaction, or 404 Poll not found (also for another workspace's poll). */
    Poll require(Handle h, Workspace ws, String id) {
        return store.byId(h, ws.id(), id).orElseThrow(PollErrors::pollNotFound);
    }

    /** Every poll of the workspace, oldest first (emulator export). */
    public List<Poll> all(Handle h, Workspace ws) {
        return store.all(h, ws.id());
    }

    /** Adds a poll as an export wrote it (emulator import), with its id, through the rules of a create. */
    public Poll restore(Handle h, Workspace ws, Poll given) {
        Poll poll = PollRules.poll(given).withId(given.id());
        store.insert(h, ws.id(), poll, clock.instant());
        return poll;
    }
}
