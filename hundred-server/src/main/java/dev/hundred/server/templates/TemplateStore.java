package dev.hundred.server.templates;

import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Memo;
import dev.hundred.server.store.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for templates. The body column holds roles, settings, destinations, plugins and recordings as JSON. */
public final class TemplateStore {
    private static final String SELECT = "SELECT t.id, t.name, t.is_default, t.body, t.created_at, t.updated_at,"
            + " w.customer_id, w.id AS app_id FROM templates t JOIN workspaces w ON w.id = t.workspace_id";

    private static final int MAX_CACHED = 10_000;

    /** What a default template is parsed from: its row's columns. */
    private record DefaultRow(String id, String name, String body, Instant createdAt, Instant updatedAt,
                              String customerId) {}

    /** The default template of each workspace, parsed again only when its row changed. */
    private final Memo<DefaultRow, Template> defaults = new Memo<>(MAX_CACHED);
    /** The roles of each template, parsed again only when its body text changed. */
    private final Memo<String, Map<String, Role>> roles = new Memo<>(MAX_CACHED);

    /** The JSON of the body column: the template's parts, camelCase like the wire. */
    @CamelCase
    record Body(Map<String, Role> roles, Settings settings, Destinations destinations, Plugins plugins,
                List<RecordingConfig> recordings) {}

    public void insert(Handle h, String workspaceId, Template t) {
        h.createUpdate("INSERT INTO templates (id, workspace_id, name, is_default, body, created_at, updated_at)"
                        + " VALUES (:id, :ws, :name, :isDefault, :body, :createdAt, :updatedAt)")
                .bind("id", t.id()).bind("ws", workspaceId).bind("name", t.name())
                .bind("isDefault", t.isDefault()).bind("body", body(t))
                .bind("createdAt", t.createdAt()).bind("updatedAt", t.updatedAt())
                .execute();
    }

    public void update(Handle h, String workspaceId, Template t) {
        h.createUpdate("UPDATE templates SET name = :name, body = :body, updated_at = :updatedAt"
                        + " WHERE id = :id AND workspace_id = :ws")
                .bind("id", t.id()).bind("ws", workspaceId).bind("name", t.name()).bind("body", body(t))
                .bind("updatedAt", t.updatedAt())
                .execute();
    }

    /** Makes {@code id} the workspace's one default template. */
    public void makeDefault(Handle h, String workspaceId, String id) {
        h.createUpdate("UPDATE templates SET is_default = CASE WHEN id = :id THEN TRUE ELSE FALSE END"
                        + " WHERE workspace_id = :ws")
                .bind("id", id).bind("ws", workspaceId).execute();
    }

    /** Locks the template's row until the transaction ends, so concurrent changes apply one after another. */
    public boolean lock(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT id FROM templates WHERE workspace_id = :ws AND id = :id FOR UPDATE")
                .bind("ws", workspaceId).bind("id", id).mapTo(String.class).findOne().isPresent();
    }

    public Optional<Template> byId(Handle h, String workspaceId, String id) {
        return h.createQuery(SELECT + " WHERE t.workspace_id = :ws AND t.id = :id")
                .bind("ws", workspaceId).bind("id", id).map(TemplateStore::row).findOne();
    }

    public Optional<Template> byName(Handle h, String workspaceId, String name) {
        return h.createQuery(SELECT + " WHERE t.workspace_id = :ws AND t.name = :name")
                .bind("ws", workspaceId).bind("name", name).map(TemplateStore::row).findOne();
    }

    /**
     * The workspace's default template. Every room create without a template id asks for it, so the parsed
     * template is kept per workspace and reused while the row read now is the row it was parsed from
     * (same id, name, body text and times): the row is still read each time, so a change made on any
     * node shows at once, only the JSON parse is saved.
     */
    public Optional<Template> defaultOf(Handle h, String workspaceId) {
        return h.createQuery(SELECT + " WHERE t.workspace_id = :ws AND t.is_default = TRUE ORDER BY t.id LIMIT 1")
                .bind("ws", workspaceId).map((rs, ctx) -> cachedDefault(workspaceId, rs)).findOne();
    }

    private Template cachedDefault(String workspaceId, ResultSet rs) throws SQLException {
        String body = rs.getString("body");
        DefaultRow read = new DefaultRow(rs.getString("id"), rs.getString("name"), body,
                Database.instant(rs, "created_at"), Database.instant(rs, "updated_at"), rs.getString("customer_id"));
        return defaults.get(workspaceId, read, row -> row(rs, body));
    }

    /**
     * The roles in a template's body text as read now (with its room, by the live plane): parsed once per
     * template and body text, reused while the text read is the same, so a change made on any node shows
     * at once. Roles are immutable records; callers get them as they are.
     */
    public Map<String, Role> rolesOf(String templateId, String body) {
        return roles.get(templateId, body, text -> Json.read(text, Body.class).roles());
    }

    /** The id of the workspace's oldest template: the one made with the workspace (ids are time-ordered). */
    public Optional<String> firstId(Handle h, String workspaceId) {
        return h.createQuery("SELECT id FROM templates WHERE workspace_id = :ws ORDER BY id LIMIT 1")
                .bind("ws", workspaceId).mapTo(String.class).findOne();
    }

    /** Newest first, after the exclusive cursor {@code start} (may be null). */
    public List<Template> page(Handle h, String workspaceId, String start, int limit) {
        Where where = new Where().and("t.workspace_id = :ws", "ws", workspaceId).andIf(start, "t.id < :start", "start");
        return where.bind(h.createQuery(SELECT + where.sql() + " ORDER BY t.id DESC LIMIT :limit"))
                .bind("limit", limit).map(TemplateStore::row).list();
    }

    private static String body(Template t) {
        return Json.write(new Body(t.roles(), t.settings(), t.destinations(), t.plugins(), t.recordings()));
    }

    private static Template row(ResultSet rs, StatementContext ctx) throws SQLException {
        return row(rs, rs.getString("body"));
    }

    private static Template row(ResultSet rs, String json) throws SQLException {
        Body body = Json.read(json, Body.class);
        return new Template(rs.getString("id"), rs.getString("name"), rs.getBoolean("is_default"),
                rs.getString("customer_id"), rs.getString("app_id"), body.roles(), body.settings(),
                body.destinations() != null ? body.destinations() : Destinations.NONE,
                body.plugins() != null ? body.plugins() : Plugins.NONE,
                body.recordings() != null ? body.recordings() : List.of(),
                Database.instant(rs, "created_at"), Database.instant(rs, "updated_at"));
    }

    /** Every template of the workspace, oldest first (emulator export). */
    public List<Template> all(Handle h, String workspaceId) {
        return h.createQuery(SELECT + " WHERE t.workspace_id = :ws ORDER BY t.id")
                .bind("ws", workspaceId).map(TemplateStore::row).list();
    }

    /** Every template of the workspace but {@code keepId} (null: all of them); rooms must be gone first. */
    public void deleteAllBut(Handle h, String workspaceId, String keepId) {
        h.createUpdate("DELETE FROM templates WHERE workspace_id = :ws AND id <> :keep")
                .bind("ws", workspaceId).bind("keep", keepId == null ? "" : keepId).execute();
    }
}
