package dev.hundred.server.assets;

/** {@code GET /v2/recording-assets/{id}/presigned-url} (spec §9.2): {@code expiry} in seconds. */
public record PresignedUrl(String id, String path, String url, long expiry) {}
