package dev.hundred.server.assets;

/** {@code GET /v2/recording-assets} filters (spec §9.2); null means not given. */
record AssetFilter(String roomId, String sessionId, String jobId, String status, String type, String start, int limit) {}
