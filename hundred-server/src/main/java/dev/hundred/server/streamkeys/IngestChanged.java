package dev.hundred.server.streamkeys;

import dev.hundred.server.events.DomainEvent;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;

/**
 * An ingest went live, ended or failed, published in that change's transaction with the room's row locked.
 * The cloud starts an HLS stream when an ingest goes live and stops it once the reconnection window after
 * the end has passed (docs: live-streaming-rtmp-ingestion); the live-streams feature can do so here.
 */
public record IngestChanged(Workspace workspace, Room room, Ingest ingest, Instant at) implements DomainEvent {}
