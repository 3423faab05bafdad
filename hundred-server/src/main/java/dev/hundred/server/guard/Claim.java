package dev.hundred.server.guard;

/** A request that holds an idempotency key: it runs, then stores its answer or gives the key back. */
record Claim(String workspaceId, String key, String token) {
    String local() {
        return workspaceId + "\n" + key;
    }
}
