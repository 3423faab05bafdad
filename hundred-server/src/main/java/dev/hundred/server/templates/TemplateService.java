package dev.hundred.server.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.store.Invalidations;
import dev.hundred.server.store.SqlDialect;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Templates (spec §5): upsert by name, full replace, and the role, settings, destinations and recordings
 * sub-resources. Every change reads the locked template, builds the next one with
 * {@link TemplateChanges} (defaults and rules), and writes it in the same transaction, announcing a
 * changed set of role names with {@link RolesChanged}.
 */
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
        Template t = new Template(Ids.objectId(), TemplateDefaults.DEFAULT_TEMPLATE_NAME, true, ws.customerId(), ws.id(),
                TemplateDefaults.defaultTemplateRoles(), TemplateDefaults.settings(null), Destinations.NONE,
                Plugins.NONE, List.of(), now, now);
        store.insert(h, ws.id(), t);
        return t;
    }

    public Optional<Template> find(Handle h, Workspace ws, String id) {
        return store.byId(h, ws.id(), id);
    }

    /**
     * A role's JSON as {@link Template#role} gives it, from the template's body text as read with its room
     * (activerooms/LivePlane): no statement of its own, and the body parsed only when its text changed.
     */
    public Optional<JsonNode> role(String templateId, String body, String roleName) {
        Role role = store.rolesOf(templateId, body).get(roleName);
        return role == null ? Optional.empty() : Optional.of(Json.MAPPER.valueToTree(role));
    }

    public Template defaultOf(Handle h, Workspace ws) {
        return store.defaultOf(h, ws.id()).orElseThrow(() -> new IllegalStateException("workspace without default template"));
    }

    /**
     * Whether this is the template made with the workspace ({@link #createDefault}): Hundred's stand-in for a
     * dashboard template, which has a subdomain (recordings need no meeting URL on it).
     */
    public boolean isBuiltIn(Handle h, Workspace ws, String templateId) {
        return store.firstId(h, ws.id()).map(templateId::equals).orElse(false);
    }

    public Template retrieve(Workspace ws, String id) {
        return db.read(h -> store.byId(h, ws.id(), id)).orElseThrow(TemplateErrors::notFound);
    }

    public List<Template> list(Workspace ws, String start, int limit) {
        return db.read(h -> store.page(h, ws.id(), start, limit));
    }

    /** Create, or overwrite the template that already has this name, keeping its id (spec §5.2). */
    public Template create(Workspace ws, TemplateBody body) {
        return db.txRetryingOnUniqueViolation(h -> upsert(h, ws, body));
    }

    private Template upsert(Handle h, Workspace ws, TemplateBody body) {
        Optional<Template> existing = body.name() == null ? Optional.empty() : store.byName(h, ws.id(), body.name());
        if (existing.isPresent()) {
            Template before = locked(h, ws, existing.get().id());
            return save(h, ws, before, TemplateChanges.fromBody(before, body), body.makeDefault());
        }
        Instant now = clock.instant();
        Template empty = new Template(Ids.objectId(), "template-" + Ids.uuid(), false, ws.customerId(), ws.id(),
                Map.of(), TemplateDefaults.settings(null), Destinations.NONE, Plugins.NONE, List.of(), now, now);
        Template created = TemplateChanges.fromBody(empty, body);
        store.insert(h, ws.id(), created);
        if (Boolean.TRUE.equals(body.makeDefault())) {
            store.makeDefault(h, ws.id(), created.id());
        }
        return store.byId(h, ws.id(), created.id()).orElseThrow();
    }

    /** Full replace (spec §5.5): roles and settings required, the name kept when left out. */
    public Template replace(Workspace ws, String id, TemplateBody body) {
        Problems required = new Problems();
        required.required("roles", body.roles());
        required.required("settings", body.settings());
        required.throwIfAny();
        try {
            return db.tx(h -> {
                Template before = locked(h, ws, id);
                if (body.name() != null && !body.name().equals(before.name())
                        && store.byName(h, ws.id(), body.name()).isPresent()) {
                    throw TemplateErrors.nameTaken(body.name());
                }
                return save(h, ws, before, TemplateChanges.fromBody(before, body), body.makeDefault());
            });
        } catch (JdbiException e) {
            if (SqlDialect.isUniqueViolation(e)) {
                throw TemplateErrors.nameTaken(body.name());
            }
            throw e;
        }
    }

    public Role role(Workspace ws, String id, String name) {
        return retrieve(ws, id).findRole(name).orElseThrow(TemplateErrors::roleNotFound);
    }

    /** Create or update a role; a {@code name} in the body other than the path's renames it (spec §5.6). */
    public Role putRole(Workspace ws, String id, String name, Role body) {
        String stored = body.name() != null ? body.name() : name;
        return change(ws, id, t -> TemplateChanges.putRole(t, name, body)).findRole(stored).orElseThrow();
    }

    public void deleteRole(Workspace ws, String id, String name) {
        change(ws, id, t -> TemplateChanges.deleteRole(t, name));
    }

    public Settings settings(Workspace ws, String id) {
        return retrieve(ws, id).settings();
    }

    public Settings putSettings(Workspace ws, String id, Settings body) {
        return change(ws, id, t -> TemplateChanges.putSettings(t, body)).settings();
    }

    public Destinations destinations(Workspace ws, String id) {
        return retrieve(ws, id).destinations();
    }

    public Destinations putDestinations(Workspace ws, String id, Destinations body) {
        return change(ws, id, t -> TemplateChanges.putDestinations(t, body)).destinations();
    }

    public List<RecordingConfig> recordings(Workspace ws, String id) {
        return retrieve(ws, id).recordings();
    }

    public List<RecordingConfig> putRecordings(Workspace ws, String id, List<RecordingConfig> body) {
        return change(ws, id, t -> TemplateChanges.putRecordings(t, body)).recordings();
    }

    /** One sub-resource change: lock, build the next template, save it, all in one transaction. */
    private Template change(Workspace ws, String id, Function<Template, Template> change) {
        return db.tx(h -> {
            Template before = locked(h, ws, id);
            return save(h, ws, before, change.apply(before), null);
        });
    }

    private Template locked(Handle h, Workspace ws, String id) {
        if (!store.lock(h, ws.id(), id)) {
            throw TemplateErrors.notFound();
        }
        return store.byId(h, ws.id(), id).orElseThrow(TemplateErrors::notFound);
    }

    private Template save(Handle h, Workspace ws, Template before, Template after, Boolean makeDefault) {
        store.update(h, ws.id(), after.updatedAt(clock.instant()));
        if (!after.name().equals(before.name())) {
            db.invalidations().changed(h, Invalidations.ROOMS); // a room reads as its template's name
        }
        if (Boolean.TRUE.equals(makeDefault)) {
            store.makeDefault(h, ws.id(), after.id());
        }
        announce(h, ws, after.id(), before.roles().keySet(), after.roles().keySet());
        return store.byId(h, ws.id(), after.id()).orElseThrow();
    }

    /** Room codes follow role names: tell them which names came and went (same transaction). */
    private void announce(Handle h, Workspace ws, String templateId, Collection<String> before, Collection<String> after) {
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        if (!added.isEmpty() || !removed.isEmpty()) {
            events.publish(h, new RolesChanged(ws, templateId, Collections.unmodifiableSet(added),
                    Collections.unmodifiableSet(removed)));
        }
    }

    /** Every template of the workspace, oldest first (emulator export). */
    public List<Template> all(Handle h, Workspace ws) {
        return store.all(h, ws.id());
    }

    /**
     * Back to how {@link #createDefault} made it (emulator reset): the workspace's first template keeps its
     * id and creation time and gets the default name, roles and settings again (updated = created), and
     * becomes the default; every other template is deleted. The workspace's rooms must be gone already.
     */
    public void resetToNew(Handle h, Workspace ws) {
        db.invalidations().changed(h, Invalidations.ROOMS); // the rooms are gone, and the template renamed
        Optional<Template> first = store.firstId(h, ws.id()).flatMap(id -> store.byId(h, ws.id(), id));
        store.deleteAllBut(h, ws.id(), first.map(Template::id).orElse(null));
        if (first.isEmpty()) {
            createDefault(h, ws);
            return;
        }
        Instant made = first.get().createdAt();
        store.update(h, ws.id(), new Template(first.get().id(), TemplateDefaults.DEFAULT_TEMPLATE_NAME, true,
                ws.customerId(), ws.id(), TemplateDefaults.defaultTemplateRoles(), TemplateDefaults.settings(null),
                Destinations.NONE, Plugins.NONE, List.of(), made, made));
        store.makeDefault(h, ws.id(), first.get().id());
    }

    /** Every template of the workspace (emulator import, into a workspace that has no rooms). */
    public void deleteAll(Handle h, Workspace ws) {
        store.deleteAllBut(h, ws.id(), null);
    }

    /**
     * Adds a template as an export wrote it (emulator import) with its id, name, default flag and times,
     * through the rules of a create: the same 400s, and the defaults filled the same way (an export has
     * every default filled already, so what goes in comes out).
     */
    public Template restore(Handle h, Workspace ws, Template given) {
        Template base = new Template(given.id(), given.name(), given.isDefault(), ws.customerId(), ws.id(), Map.of(),
                TemplateDefaults.settings(null), Destinations.NONE, Plugins.NONE, List.of(), given.createdAt(),
                given.updatedAt());
        Template checked = TemplateChanges.fromBody(base, new TemplateBody(given.name(), null, given.roles(),
                given.settings(), given.destinations(), given.plugins()));
        if (given.recordings() != null && !given.recordings().isEmpty()) {
            checked = TemplateChanges.putRecordings(checked, given.recordings());
        }
        store.insert(h, ws.id(), checked);
        return checked;
    }
}
