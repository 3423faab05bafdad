package dev.hundred.server.externalstreams;

import dev.hundred.server.assets.AssetService;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.jobs.JobChat;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.TemplateService;

/** The external-streams feature assembled: its service and the job-change subscriber of its webhooks and assets. */
public final class ExternalStreamFeature {
    private final ExternalStreamService service;

    public ExternalStreamFeature(Database db, JobService jobs, RoomService rooms, TemplateService templates,
                                 AssetService assets, JobChat chat, DomainEvents events) {
        this.service = new ExternalStreamService(db, jobs, rooms, templates, assets);
        new ExternalStreamEvents(assets, chat, events);
    }

    public ExternalStreamRoutes routes() {
        return new ExternalStreamRoutes(service);
    }
}
