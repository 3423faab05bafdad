package dev.hundred.server.guard;

/**
 * Thrown before the endpoint runs to give a stored answer instead: Javalin then skips the rest of the
 * before-handlers and the endpoint, but still runs the after-handlers (so a request journal sees it).
 */
final class ReplayedAnswer extends RuntimeException {
    private final transient StoredAnswer answer;

    ReplayedAnswer(StoredAnswer answer) {
        super("idempotent replay", null, false, false);
        this.answer = answer;
    }

    StoredAnswer answer() {
        return answer;
    }
}
