package dev.hundred.server.guard;

/** The first answer to a key, as it is given again: status, content type (null if none) and the exact body. */
record StoredAnswer(int status, String contentType, byte[] body) {
    /** 5xx answers are not kept (the next try runs again), nor is 429 (it said: try again). */
    boolean keep() {
        return status < 500 && status != 429;
    }
}
