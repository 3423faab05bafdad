package dev.hundred.server.roomcodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.auth.Tokens;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.rooms.RoomBody;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.rooms.RoomStore;
import dev.hundred.server.store.Database;
import dev.hundred.server.support.Backends;
import dev.hundred.server.templates.Role;
import dev.hundred.server.templates.RolesChanged;
import dev.hundred.server.templates.Settings;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateBody;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.templates.TemplateStore;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import dev.hundred.server.workspaces.WorkspaceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Codes following a template's roles: the templates service publishes RolesChanged when roles are
 * created, deleted or renamed, inside its transaction. This drives the real services and stores, on both
 * back ends, including a template change that fails after the codes followed it.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class RoomCodeServiceTest {
    /** The real object graph, wired as Hundred wires it, once per back end. */
    record Graph(Database db, DomainEvents events, TemplateStore templateStore, TemplateService templates,
                 WorkspaceService workspaces, RoomService rooms, Tokens tokens, RoomCodeService codes) {

        static Graph on(String backend) {
            Clock clock = CLOCK;
            Database db = Database.open(Backends.freshDb(backend));
            DomainEvents events = new DomainEvents();
            TemplateStore templateStore = new TemplateStore();
            TemplateService templates = new TemplateService(db, templateStore, events, clock);
            WorkspaceService workspaces = new WorkspaceService(db, new WorkspaceStore(), templates, clock);
            Tokens tokens = new Tokens(workspaces, clock);
            RoomService rooms = new RoomService(db, new RoomStore(), templates, dev.hundred.server.http.PrivateTargets.ALLOW_ALL, clock);
            RoomCodeService codes = new RoomCodeService(db, new RoomCodeStore(), rooms, templates, workspaces, tokens, clock);
            events.subscribe(RolesChanged.class, codes::onRolesChanged);
            return new Graph(db, events, templateStore, templates, workspaces, rooms, tokens, codes);
        }
    }

    /** Microsecond ticks, as Hundred uses: what both databases keep, so what we answer equals what we read. */
    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    private static final Map<String, Graph> GRAPHS = new ConcurrentHashMap<>();

    @Parameter
    String backend;

    private Graph g;
    private Workspace ws;
    private Template template;

    @BeforeEach
    void setUp() {
        g = GRAPHS.computeIfAbsent(backend, Graph::on);
        ws = g.workspaces().create("t", null, null);
        template = g.db().read(h -> g.templates().defaultOf(h, ws));
    }

    private String newRoom(String templateId) {
        return g.rooms().create(ws, new RoomBody(null, null, templateId, null, null, null, null, null, null, null, null, null)).id();
    }

    private List<RoomCode> codes(String roomId) {
        return g.codes().list(ws, roomId, new RoomCodeFilter(null, null, null, 100));
    }

    /** Replaces the template's roles through the templates service, which announces the change. */
    private void changeRoles(List<String> roles, boolean thenFail) {
        TemplateService templates = g.templates();
        if (thenFail) {
            // Codes follow first, then a later subscriber fails: the whole change must roll back.
            DomainEvents failing = new DomainEvents();
            failing.subscribe(RolesChanged.class, g.codes()::onRolesChanged);
            failing.subscribe(RolesChanged.class, (h, e) -> {
                throw new IllegalStateException("the template change fails after publishing");
            });
            templates = new TemplateService(g.db(), g.templateStore(), failing, CLOCK);
        }
        templates.replace(ws, template.id(), templateBody(template.name(), roles));
    }

    private static TemplateBody templateBody(String name, List<String> roles) {
        Map<String, Role> byName = new LinkedHashMap<>();
        roles.forEach(r -> byName.put(r, null));
        return new TemplateBody(name, null, byName, Json.read("{}", Settings.class), null, null);
    }

    @Test
    void a_new_role_gets_codes_where_codes_exist_and_a_deleted_roles_codes_are_disabled() {
        String withCodes = newRoom(template.id());
        String withoutCodes = newRoom(template.id());
        List<RoomCode> before = g.codes().createForAllRoles(ws, withCodes);

        changeRoles(List.of("host", "speaker"), false);

        List<RoomCode> after = codes(withCodes);
        assertThat(after).extracting(RoomCode::role).containsExactly("speaker", "guest", "host");
        RoomCode speaker = after.get(0);
        assertThat(speaker.enabled()).isTrue();
        assertThat(speaker.code()).matches("[a-z]{3}-[a-z]{4}-[a-z]{3}");
        RoomCode guest = after.get(1);
        assertThat(guest.code()).isEqualTo(before.get(1).code());
        assertThat(guest.enabled()).isFalse();
        assertThat(guest.updatedAt()).isAfter(guest.createdAt());
        assertThat(after.get(2)).isEqualTo(before.get(0));
        assertThat(codes(withoutCodes)).isEmpty();

        // A deleted role's code can neither be enabled again nor exchanged for a token.
        assertThatThrownBy(() -> g.codes().update(ws, new RoomCodeUpdate(guest.code(), true)))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("Code can not be enabled (role/room does not exist)");
                    assertThat(e.details()).containsExactly("role guest is not in the room's template");
                });
        assertThatThrownBy(() -> g.codes().exchange(new TokenRequest(guest.code(), null)))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).isEqualTo("Code is disabled"));
        assertThat(g.codes().exchange(new TokenRequest(speaker.code(), null))).isNotBlank();
    }

    @Test
    void a_role_change_that_rolls_back_leaves_the_codes_as_they_were() {
        String room = newRoom(template.id());
        List<RoomCode> before = g.codes().createForAllRoles(ws, room);

        assertThatThrownBy(() -> changeRoles(List.of("host", "speaker"), true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(codes(room)).containsExactly(before.get(1), before.get(0));
    }

    @Test
    void a_room_moved_to_another_template_follows_its_roles_on_the_next_create_for_all_roles() {
        String room = newRoom(template.id());
        List<RoomCode> old = g.codes().createForAllRoles(ws, room);
        Template other = g.templates().create(ws, templateBody("classroom", List.of("teacher")));
        g.rooms().update(ws, room, new RoomBody(null, null, other.id(), null, null, null, null, null, null, null, null, null));

        // Until codes are refreshed, the old roles' codes exist but cannot be used.
        assertThatThrownBy(() -> g.codes().exchange(new TokenRequest(old.get(0).code(), "u")))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.details()).containsExactly("role host is not in the room's template");
                });
        List<RoomCode> now = g.codes().createForAllRoles(ws, room);
        assertThat(now).extracting(RoomCode::role).containsExactly("teacher");
        assertThat(codes(room)).filteredOn(RoomCode::enabled).extracting(RoomCode::role).containsExactly("teacher");
    }

    @Test
    void a_drawn_code_that_is_already_taken_is_drawn_again() {
        String room = newRoom(template.id());
        String taken = g.codes().createForRole(ws, room, "host").code();
        ArrayDeque<String> draws = new ArrayDeque<>(List.of(taken, taken, "zzz-zzzz-zzz"));
        Supplier<String> scripted = draws::removeFirst;
        RoomCodeService codes = new RoomCodeService(g.db(), new RoomCodeStore(), g.rooms(), g.templates(),
                g.workspaces(), g.tokens(), CLOCK, scripted);

        RoomCode fresh = codes.createForRole(ws, room, "guest");

        assertThat(fresh.code()).isEqualTo("zzz-zzzz-zzz");
        assertThat(draws).isEmpty();
        assertThat(codes(room)).extracting(RoomCode::code).containsExactly("zzz-zzzz-zzz", taken);
    }
}
