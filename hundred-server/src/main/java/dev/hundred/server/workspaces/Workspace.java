package dev.hundred.server.workspaces;

import java.time.Instant;

/** A 100ms app: the tenant every row belongs to. {@code id} is the app_id. */
public record Workspace(String id, String customerId, String accessKey, String secret, String name,
                        Instant createdAt) {}
