package dev.hundred.server.roomcodes;

import dev.hundred.server.auth.Tokens;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.templates.RolesChanged;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Room codes (spec §4): one code stands for a (room, role) pair, codes never expire, only enabled ones
 * work, at most 100 per room, and a room's codes follow its template's roles. Also the client-facing
 * exchange of a code for an app token (spec §2.3).
 */
public final class RoomCodeService {
    static final int MAX_CODES_PER_ROOM = 100;
    /** App tokens from a code live 24 h, like the tokens in every 100ms sample (spec §2.2). */
    static final Duration TOKEN_TTL = Duration.ofHours(24);
    /** Draws before giving up on finding an unused code; with 26^10 codes one draw is nearly always enough. */
    private static final int MAX_DRAWS = 20;

    private final Database db;
    private final RoomCodeStore store;
    private final RoomService rooms;
    private final TemplateService templates;
    private final WorkspaceService workspaces;
    private final Tokens tokens;
    private final Clock clock;
    private final Supplier<String> draw;

    public RoomCodeService(Database db, RoomCodeStore store, RoomService rooms, TemplateService templates,
                           WorkspaceService workspaces, Tokens tokens, Clock clock) {
        this(db, store, rooms, templates, workspaces, tokens, clock, () -> RoomCodeFormat.random(Ids.random()));
    }

    /** With the source of fresh codes given, so a test can force a collision. */
    RoomCodeService(Database db, RoomCodeStore store, RoomService rooms, TemplateService templates,
                    WorkspaceService workspaces, Tokens tokens, Clock clock, Supplier<String> draw) {
        this.db = db;
        this.store = store;
        this.rooms = rooms;
        this.templates = templates;
        this.workspaces = workspaces;
        this.tokens = tokens;
        this.clock = clock;
        this.draw = draw;
    }

    /**
     * Brings the room's codes in line with its template (spec §4.2): a code for each role that has no
     * enabled one, and codes of roles no longer in the template disabled. Calling it again creates
     * nothing new; it answers the enabled codes of every role, in the template's role order.
     */
    public List<RoomCode> createForAllRoles(Workspace ws, String roomId) {
        return db.txRetryingOnUniqueViolation(h -> {
            Room room = usableRoom(h, ws, roomId);
            List<String> roles = roleNames(h, ws, room);
            Instant now = clock.instant();
            Map<String, List<RoomCode>> byRole = new LinkedHashMap<>();
            roles.forEach(role -> byRole.put(role, new ArrayList<>()));
            for (RoomCode c : store.enabledInRoom(h, ws.id(), roomId)) {
                if (byRole.containsKey(c.role())) {
                    byRole.get(c.role()).add(c);
                } else {
                    store.setEnabled(h, c.code(), false, now); // its role left the template
                }
            }
            long missing = byRole.values().stream().filter(List::isEmpty).count();
            if (store.countInRoom(h, ws.id(), roomId) + missing > MAX_CODES_PER_ROOM) {
                throw RoomCodeErrors.limitReached();
            }
            List<RoomCode> result = new ArrayList<>();
            byRole.forEach((role, codes) ->
                    result.addAll(codes.isEmpty() ? List.of(insertNew(h, ws, roomId, role, now)) : codes));
            return result;
        });
    }

    /** One more code for one role (spec §4.3); a role may have several. */
    public RoomCode createForRole(Workspace ws, String roomId, String role) {
        return db.txRetryingOnUniqueViolation(h -> {
            Room room = usableRoom(h, ws, roomId);
            if (!roleNames(h, ws, room).contains(role)) {
                throw RoomCodeErrors.roleNotFound(role);
            }
            if (store.countInRoom(h, ws.id(), roomId) >= MAX_CODES_PER_ROOM) {
                throw RoomCodeErrors.limitReached();
            }
            return insertNew(h, ws, roomId, role, clock.instant());
        });
    }

    /** The room's codes, newest first (spec §4.4); {@code start} may be a cursor or one of the room's codes. */
    public List<RoomCode> list(Workspace ws, String roomId, RoomCodeFilter filter) {
        return db.read(h -> {
            Room room = rooms.require(h, ws, roomId);
            if (!room.enabled()) {
                throw RoomCodeErrors.roomDisabled();
            }
            if (filter.role() != null && !roleNames(h, ws, room).contains(filter.role())) {
                throw RoomCodeErrors.roleNotFound(filter.role());
            }
            String start = filter.start();
            if (RoomCodeFormat.looksLikeCode(start)) {
                start = store.idOf(h, ws.id(), roomId, start).orElse(start);
            }
            return store.page(h, ws.id(), roomId, new RoomCodeFilter(filter.role(), filter.enabled(), start, filter.limit()));
        });
    }

    /**
     * Enables or disables a code (spec §4.5). Enabling needs the room and the role to still exist;
     * {@code updated_at} moves only when {@code enabled} actually changes.
     */
    public RoomCode update(Workspace ws, RoomCodeUpdate change) {
        return db.tx(h -> {
            RoomCodeStore.Located found = store.locate(h, change.code())
                    .filter(l -> l.workspaceId().equals(ws.id()))
                    .orElseThrow(RoomCodeErrors::codeNotFound);
            RoomCode code = found.code();
            if (code.enabled() == change.enabled()) {
                return code;
            }
            if (change.enabled()) {
                if (!found.roomExists()) {
                    throw RoomCodeErrors.cannotEnable("room " + code.roomId() + " does not exist");
                }
                if (!roleNamesOf(h, ws, found.roomTemplateId()).contains(code.role())) {
                    throw RoomCodeErrors.cannotEnable("role " + code.role() + " is not in the room's template");
                }
            }
            Instant now = clock.instant();
            store.setEnabled(h, code.code(), change.enabled(), now);
            return code.withEnabled(change.enabled(), now);
        });
    }

    /**
     * A code of this workspace whose room still exists, enabled or not, for features that take a room code
     * as input (SIP calls, spec §16); another workspace's code is not found.
     */
    public Optional<RoomCode> find(Workspace ws, String code) {
        return db.read(h -> store.locate(h, code))
                .filter(found -> found.workspaceId().equals(ws.id()) && found.roomExists())
                .map(RoomCodeStore.Located::code);
    }

    /**
     * The client-facing exchange (spec §2.3): an enabled code of an enabled room becomes an app token for
     * that room and role. Without a user id the token gets a fresh one, so every peer has a user_id.
     */
    public String exchange(TokenRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw ApiError.badBody("code is required");
        }
        RoomCodeStore.Located found = db.read(h -> store.locate(h, request.code()))
                .filter(RoomCodeStore.Located::roomExists)
                .orElseThrow(RoomCodeErrors::codeNotFound);
        Workspace ws = workspaces.byId(found.workspaceId());
        RoomCode code = found.code();
        if (ws == null) {
            throw RoomCodeErrors.codeNotFound();
        }
        if (!code.enabled()) {
            throw RoomCodeErrors.codeDisabled();
        }
        if (!found.roomEnabled()) {
            throw RoomCodeErrors.roomDisabled();
        }
        // The room may have moved to a template without this role (no RolesChanged for that).
        if (!db.read(h -> roleNamesOf(h, ws, found.roomTemplateId())).contains(code.role())) {
            throw RoomCodeErrors.roleGone(code.role());
        }
        String userId = request.userId() == null || request.userId().isBlank() ? Ids.uuid() : request.userId();
        return tokens.app(ws, code.roomId(), code.role(), userId, TOKEN_TTL);
    }

    /**
     * Codes follow the template's roles (spec §4.2), inside the template change's transaction: a new role
     * gets a code in every room of the template that already has codes (while the room has room for one),
     * a deleted role's codes are disabled.
     */
    public void onRolesChanged(Handle h, RolesChanged event) {
        String wsId = event.workspace().id();
        Instant now = clock.instant();
        event.removed().forEach(role -> store.disableRole(h, wsId, event.templateId(), role, now));
        if (event.added().isEmpty()) {
            return;
        }
        List<String> added = event.added().stream().sorted().toList();
        for (String roomId : store.roomsWithCodes(h, wsId, event.templateId())) {
            List<String> covered = store.enabledInRoom(h, wsId, roomId).stream().map(RoomCode::role).toList();
            int count = store.countInRoom(h, wsId, roomId);
            for (String role : added) {
                if (!covered.contains(role) && count < MAX_CODES_PER_ROOM) {
                    insertNew(h, event.workspace(), roomId, role, now);
                    count++;
                }
            }
        }
    }

    /** The room, locked for this transaction, or 404; 403 when disabled. */
    private Room usableRoom(Handle h, Workspace ws, String roomId) {
        Room room = rooms.requireLocked(h, ws, roomId);
        if (!room.enabled()) {
            throw RoomCodeErrors.roomDisabled();
        }
        return room;
    }

    private List<String> roleNames(Handle h, Workspace ws, Room room) {
        return roleNamesOf(h, ws, room.templateId());
    }

    private List<String> roleNamesOf(Handle h, Workspace ws, String templateId) {
        return templates.find(h, ws, templateId).map(Template::roleNames).orElse(List.of());
    }

    private RoomCode insertNew(Handle h, Workspace ws, String roomId, String role, Instant now) {
        RoomCode code = new RoomCode(Ids.objectId(), unusedCode(h), roomId, role, true, now, now);
        store.insert(h, ws.id(), code);
        return code;
    }

    private String unusedCode(Handle h) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            String candidate = draw.get();
            if (!store.exists(h, candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no unused room code after " + MAX_DRAWS + " draws");
    }

    /**
     * Two transactions may draw the same unused code at once; the loser's insert breaks the primary key.
     * Drawing again in a new transaction settles it.
     */

    /** Every code of the workspace, oldest first, disabled ones included (emulator export). */
    public List<RoomCode> all(Handle h, Workspace ws) {
        return store.all(h, ws.id());
    }

    /**
     * Adds a code as an export wrote it (emulator import), with its id, state and times: its room in this
     * workspace, its role in the room's template, the code's shape and the limit of codes per room.
     */
    public RoomCode restore(Handle h, Workspace ws, RoomCode given) {
        if (!RoomCodeFormat.looksLikeCode(given.code())) {
            throw ApiError.badBody("code must look like xxx-xxxx-xxx (lowercase letters)");
        }
        Room room = rooms.require(h, ws, given.roomId());
        if (!roleNames(h, ws, room).contains(given.role())) {
            throw RoomCodeErrors.roleNotFound(given.role());
        }
        if (store.countInRoom(h, ws.id(), room.id()) >= MAX_CODES_PER_ROOM) {
            throw RoomCodeErrors.limitReached();
        }
        store.insert(h, ws.id(), given);
        return given;
    }
}
