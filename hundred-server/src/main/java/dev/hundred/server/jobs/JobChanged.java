package dev.hundred.server.jobs;

import dev.hundred.server.events.DomainEvent;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;

/**
 * A job changed state: published in the transition's transaction (with the room's row locked), so what a
 * feature does on it (its webhooks, the assets of a completed job) commits with the transition, exactly
 * once. {@code job} is the job after the change; {@code previousStatus} what it was before (null on start).
 * Subscribers look at {@code job.kind()} and ignore other kinds.
 */
public record JobChanged(Workspace workspace, Room room, Instant sessionStartedAt, MediaJob job, String previousStatus,
                         Instant at) implements DomainEvent {}
