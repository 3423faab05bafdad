package dev.hundred.server.templates;

import dev.hundred.server.events.DomainEvent;
import dev.hundred.server.workspaces.Workspace;
import java.util.Set;

/**
 * A template's role names changed (role created, deleted or renamed, or the template replaced).
 * Room codes follow it: new roles get codes where a room has codes, deleted roles' codes are disabled.
 */
public record RolesChanged(Workspace workspace, String templateId, Set<String> added, Set<String> removed)
        implements DomainEvent {}
