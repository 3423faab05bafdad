package dev.hundred.server.rooms;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** SQL for rooms. The template name and customer id are joined in, so renames show at once. */
public final class RoomStore {
    /**
     * The columns {@link #row} reads, by position: a column read by name makes both drivers build a name-to-index
     * map for every result set (3-4% of a GET room's samples on H2, JFR). The workspace id is the app id.
     */
    private static final String COLUMNS = "r.id, r.workspace_id, r.name, r.enabled, r.description,"
            + " r.recording_info, r.template_id, t.name, r.region, r.large_room, r.size, r.max_duration_seconds,"
            + " r.polls, r.webhook, r.created_at, r.updated_at, w.customer_id";
    private static final String FROM =
            " FROM rooms r JOIN templates t ON t.id = r.template_id JOIN workspaces w ON w.id = r.workspace_id";
    private static final String SELECT = "SELECT " + COLUMNS + FROM;
    private static final String INSERT = "INSERT INTO rooms (id, workspace_id, name, name_key, description, enabled,"
            + " template_id, region, large_room, size, max_duration_seconds, recording_info, webhook, polls, created_at,"
            + " updated_at) VALUES (:id, :ws, :name, :nameKey, :description, :enabled, :templateId, :region, :largeRoom,"
            + " :size, :maxDurationSeconds, :recordingInfo, :webhook, :polls, :createdAt, :updatedAt)";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    public void insert(Handle h, String workspaceId, Room room) {
        bindAll(h.createUpdate(INSERT), workspaceId, room).execute();
    }

    /**
     * Inserts the room unless its name (or id) is taken; false when it was. One statement on both engines
     * (H2 takes PostgreSQL's {@code ON CONFLICT DO NOTHING} in its PostgreSQL mode).
     */
    public boolean insertIfAbsent(Handle h, String workspaceId, Room room) {
        return bindAll(h.createUpdate(INSERT + " ON CONFLICT DO NOTHING"), workspaceId, room).execute() == 1;
    }

    /** What {@link #insertFromTemplate} answers: the template's id and name, and the region stored (null: not inserted). */
    public record FromTemplate(String templateId, String templateName, String region) {}

    /**
     * PostgreSQL only (a data-changing WITH): inserts {@code room} unless its name (or id) is taken, reading its
     * template in the same statement: {@code templateId}, or the workspace's default when null. The room's
     * template columns come from that row, and its region, when {@code room.region()} is null, from the
     * template's {@code settings.region}. Empty when there is no such template.
     */
    public Optional<FromTemplate> insertFromTemplate(java.sql.Connection c, String workspaceId, Room room,
                                                     String templateId) throws SQLException {
        String template = templateId == null
                ? "SELECT id, name, body FROM templates WHERE workspace_id = ? AND is_default = TRUE ORDER BY id LIMIT 1"
                : "SELECT id, name, body FROM templates WHERE workspace_id = ? AND id = ?";
        String sql = "WITH t AS (" + template + "), ins AS (INSERT INTO rooms (id, workspace_id, name, name_key,"
                + " description, enabled, template_id, region, large_room, size, max_duration_seconds, recording_info,"
                + " webhook, polls, created_at, updated_at) SELECT ?, ?, ?, ?, ?, ?, t.id,"
                + " COALESCE(?, CAST(t.body AS json) -> 'settings' ->> 'region'), ?, ?, ?, ?, ?, ?, ?, ? FROM t"
                + " ON CONFLICT DO NOTHING RETURNING region) SELECT t.id, t.name, ins.region FROM t LEFT JOIN ins ON TRUE";
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, workspaceId);
            if (templateId != null) {
                ps.setString(i++, templateId);
            }
            ps.setString(i++, room.id());
            ps.setString(i++, workspaceId);
            ps.setString(i++, room.name());
            ps.setString(i++, nameKey(room.name()));
            ps.setString(i++, room.description());
            ps.setBoolean(i++, room.enabled());
            ps.setString(i++, room.region());
            ps.setBoolean(i++, room.largeRoom());
            ps.setInt(i++, room.size());
            ps.setInt(i++, room.maxDurationSeconds());
            ps.setString(i++, room.recordingInfo() == null ? null : Json.write(room.recordingInfo()));
            ps.setString(i++, room.webhook() == null ? null : Json.write(room.webhook()));
            ps.setString(i++, Json.write(room.polls()));
            ps.setObject(i++, room.createdAt().atOffset(java.time.ZoneOffset.UTC));
            ps.setObject(i, room.updatedAt().atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new FromTemplate(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public void update(Handle h, String workspaceId, Room room) {
        bindAll(h.createUpdate("UPDATE rooms SET name = :name, name_key = :nameKey, description = :description,"
                + " enabled = :enabled, template_id = :templateId, region = :region, large_room = :largeRoom,"
                + " size = :size, max_duration_seconds = :maxDurationSeconds, recording_info = :recordingInfo,"
                + " webhook = :webhook, polls = :polls, updated_at = :updatedAt"
                + " WHERE id = :id AND workspace_id = :ws"), workspaceId, room)
                .execute();
    }

    private static Update bindAll(Update update, String workspaceId, Room room) {
        return update.bind("id", room.id()).bind("ws", workspaceId).bind("name", room.name())
                .bind("nameKey", nameKey(room.name())).bind("description", room.description())
                .bind("enabled", room.enabled()).bind("templateId", room.templateId()).bind("region", room.region())
                .bind("largeRoom", room.largeRoom()).bind("size", room.size())
                .bind("maxDurationSeconds", room.maxDurationSeconds())
                .bind("recordingInfo", room.recordingInfo() == null ? null : Json.write(room.recordingInfo()))
                .bind("webhook", room.webhook() == null ? null : Json.write(room.webhook()))
                .bind("polls", Json.write(room.polls()))
                .bind("createdAt", room.createdAt()).bind("updatedAt", room.updatedAt());
    }

    public Optional<Room> byId(Handle h, String workspaceId, String id) {
        try {
            return byId(h.getConnection(), workspaceId, id);
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * The room by its id alone (the primary key), its workspace compared here: with both in the WHERE, a
     * PostgreSQL without statistics on rooms (autovacuum off, or a table that just grew) chose
     * {@code rooms_by_template} for the generic plan and scanned every room of the workspace (0.9 ms
     * instead of 0.09 ms at 5,600 rooms). Plain JDBC: this is the hottest read (GET room).
     */
    public Optional<Room> byId(java.sql.Connection c, String workspaceId, String id) throws SQLException {
        return byId(c, workspaceId, id, NOTHING_MORE);
    }

    /** How a caller reads more with the room ({@link #byId(Handle, String, String, With)}): columns, joins, mapping. */
    public interface With<T> {
        /** Extra select-list entries, each starting with a comma, aliased apart from the rooms columns. */
        String columns();

        /** Extra joins; the room is {@code r}. A join must give one row per room at most. */
        String joins();

        T map(Room room, ResultSet rs) throws SQLException;
    }

    /**
     * The room by id as {@link #byId(Handle, String, String)} reads it, with what {@code with} adds, in the
     * same statement: the live plane reads the room's session and template body with it on every change.
     */
    public <T> Optional<T> byId(Handle h, String workspaceId, String id, With<T> with) {
        try {
            return byId(h.getConnection(), workspaceId, id, with);
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    /** The one read of a room by id, with what {@code with} adds (by primary key, the workspace compared here). */
    private static <T> Optional<T> byId(java.sql.Connection c, String workspaceId, String id, With<T> with)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + with.columns() + FROM + with.joins() + " WHERE r.id = ?";
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && workspaceId.equals(rs.getString(2))
                        ? Optional.of(with.map(row(rs, null), rs)) : Optional.empty();
            }
        }
    }

    /** The room alone. */
    private static final With<Room> NOTHING_MORE = new With<>() {
        @Override
        public String columns() {
            return "";
        }

        @Override
        public String joins() {
            return "";
        }

        @Override
        public Room map(Room room, ResultSet rs) {
            return room;
        }
    };

    /**
     * Holds the room's row until the transaction ends (nothing else is locked: no join). By primary key
     * only, as {@link #byId}; a room of another workspace is locked as briefly as the 404 that follows.
     */
    public void lock(Handle h, String workspaceId, String id) {
        h.createQuery("SELECT id FROM rooms WHERE id = :id FOR UPDATE")
                .bind("id", id).mapTo(String.class).findOne();
    }

    public Optional<Room> byName(Handle h, String workspaceId, String name) {
        return h.createQuery(SELECT + " WHERE r.workspace_id = :ws AND r.name_key = :key")
                .bind("ws", workspaceId).bind("key", nameKey(name)).map(RoomStore::row).findOne();
    }

    /** Newest first; {@code start} is exclusive. */
    public List<Room> page(Handle h, String workspaceId, RoomFilter f) {
        Where where = new Where().and("r.workspace_id = :ws", "ws", workspaceId)
                .andIf(f.enabled(), "r.enabled = :enabled", "enabled")
                .andIf(f.after(), "r.created_at >= :after", "after")
                .andIf(f.before(), "r.created_at <= :before", "before")
                .andIf(f.name() == null ? null : nameKey(f.name()), "r.name_key = :nameKey", "nameKey")
                .andIf(f.templateId(), "r.template_id = :templateId", "templateId")
                .andIf(f.start(), "r.id < :start", "start");
        return where.bind(h.createQuery(SELECT + where.sql() + " ORDER BY r.id DESC LIMIT :limit"))
                .bind("limit", f.limit()).map(RoomStore::row).list();
    }

    /** The legacy {@code key} field: customer id and room name. */
    static String key(String customerId, String name) {
        return customerId + ":" + name;
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A room from the columns of {@link #COLUMNS}, by position. */
    private static Room row(ResultSet rs, StatementContext ctx) throws SQLException {
        String recordingInfo = rs.getString(6);
        String webhook = rs.getString(14);
        String customerId = rs.getString(17);
        String name = rs.getString(3);
        return new Room(rs.getString(1), name, rs.getBoolean(4), rs.getString(5), customerId, customerId,
                rs.getString(2), recordingInfo == null ? null : Json.read(recordingInfo, RecordingInfo.class),
                recordingInfo == null, rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getInt(11), rs.getInt(12), readPolls(rs.getString(13)),
                webhook == null ? null : Json.read(webhook, RoomWebhook.class), key(customerId, name),
                Database.instant(rs, 15), Database.instant(rs, 16));
    }

    private static List<String> readPolls(String json) {
        if (json == null || json.equals("[]")) {
            return List.of(); // almost every room: no parse on the GET path
        }
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored polls are not a JSON array", e);
        }
    }

    /** Every room of the workspace, oldest first, disabled ones included (emulator export). */
    public List<Room> all(Handle h, String workspaceId) {
        return h.createQuery(SELECT + " WHERE r.workspace_id = :ws ORDER BY r.id")
                .bind("ws", workspaceId).map(RoomStore::row).list();
    }

    /** Every room of the workspace (emulator reset; what refers to them goes first). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "rooms", workspaceId);
    }
}
