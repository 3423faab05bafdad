package dev.hundred.server.auth;

import dev.hundred.server.workspaces.Workspace;

/** What a verified app (client) token allows: join {@code roomId} as {@code role}. userId may be null. */
public record AppGrant(Workspace workspace, String roomId, String role, String userId) {}
