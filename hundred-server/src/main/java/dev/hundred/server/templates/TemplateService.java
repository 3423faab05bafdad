package dev.hundred.server.templates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Templates: the rules (defaults, ranges, upsert by name) and their transactions. */
public final class TemplateService {
    private final Database db;
    private final TemplateStore store;
    private final DomainEvents events;
    private final Clock clock;

    public TemplateService(Database db, TemplateStore store, DomainEvents events, Clock clock) {
        this.db = db;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The template every workspace starts with: roles host and guest, every default filled. */
    public Template createDefault(Handle h, Workspace ws) {
        Instant now = clock.instant();
        ObjectNode roles = Json.MAPPER.createObjectNode();
        roles.set("host", Json.MAPPER.createObjectNode().put("name", "host"));
        roles.set("guest", Json.MAPPER.createObjectNode().put("name", "guest"));
        ObjectNode settings = Json.MAPPER.createObjectNode().put("region", "auto");
        Template t = new Template(Ids.objectId(), "default", ws.customerId(), ws.id(), roles, settings,
                Json.MAPPER.createObjectNode(), Json.MAPPER.createObjectNode(), Json.MAPPER.createArrayNode(),
                true, now, now);
        store.insert(h, ws.id(), t);
        return t;
    }

    public Optional<Template> find(Handle h, Workspace ws, String id) {
        return store.byId(h, ws.id(), id);
    }

    public Template defaultOf(Handle h, Workspace ws) {
        return store.defaultOf(h, ws.id()).orElseThrow(() -> new IllegalStateException("workspace without default template"));
    }

    public Optional<Template> retrieve(Workspace ws, String id) {
        return db.read(h -> store.byId(h, ws.id(), id));
    }

    public List<Template> list(Workspace ws, String start, int limit) {
        return db.read(h -> store.page(h, ws.id(), start, limit));
    }
}
