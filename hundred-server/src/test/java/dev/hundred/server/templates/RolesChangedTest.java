package dev.hundred.server.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.support.Backends;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import dev.hundred.server.workspaces.WorkspaceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Room codes follow a template's role names through {@link RolesChanged}, published inside the
 * transaction of the change. No HTTP reaches a subscriber, so this drives the real service and store.
 */
@ParameterizedClass(name = "[{0}]")
@ValueSource(strings = {Backends.H2, Backends.POSTGRES})
class RolesChangedTest {
    @Parameter
    String backend;

    private Database db;
    private TemplateService templates;
    private Workspace ws;
    private String id;
    private final List<RolesChanged> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = Database.open(Backends.freshDb(backend));
        DomainEvents events = new DomainEvents();
        events.subscribe(RolesChanged.class, (handle, event) -> seen.add(event));
        templates = new TemplateService(db, new TemplateStore(), events, Clock.systemUTC());
        ws = new WorkspaceService(db, new WorkspaceStore(), templates, Clock.systemUTC()).create("events", null, null);
        id = templates.create(ws, body("class", "{\"teacher\": {}, \"student\": {}}")).id();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static TemplateBody body(String name, String roles) {
        return Json.read("{\"name\": \"" + name + "\", \"roles\": " + roles + ", \"settings\": {}}", TemplateBody.class);
    }

    private static Role role(String json) {
        return Json.read(json, Role.class);
    }

    @Test
    void a_new_template_and_a_role_update_announce_nothing() {
        templates.putRole(ws, id, "teacher", role("{\"priority\": 2}"));
        templates.putSettings(ws, id, Json.read("{\"region\": \"eu\"}", Settings.class));
        assertThat(seen).isEmpty();
    }

    @Test
    void creating_renaming_and_deleting_roles_announce_what_came_and_went() {
        templates.putRole(ws, id, "ta", role("{}"));
        templates.putRole(ws, id, "ta", role("{\"name\": \"assistant\"}"));
        templates.deleteRole(ws, id, "student");

        assertThat(seen).containsExactly(
                new RolesChanged(ws, id, Set.of("ta"), Set.of()),
                new RolesChanged(ws, id, Set.of("assistant"), Set.of("ta")),
                new RolesChanged(ws, id, Set.of(), Set.of("student")));
    }

    @Test
    void a_full_replace_and_an_overwrite_by_name_announce_the_difference() {
        templates.replace(ws, id, body("class", "{\"teacher\": {}, \"observer\": {}}"));
        templates.create(ws, body("class", "{\"observer\": {}}"));

        assertThat(seen).containsExactly(
                new RolesChanged(ws, id, Set.of("observer"), Set.of("student")),
                new RolesChanged(ws, id, Set.of(), Set.of("teacher")));
    }

    @Test
    void a_failing_subscriber_undoes_the_change_it_was_told_about() {
        DomainEvents failing = new DomainEvents();
        failing.subscribe(RolesChanged.class, (handle, event) -> {
            throw new IllegalStateException("room codes could not follow");
        });
        TemplateService strict = new TemplateService(db, new TemplateStore(), failing, Clock.systemUTC());

        assertThatThrownBy(() -> strict.deleteRole(ws, id, "student")).isInstanceOf(IllegalStateException.class);
        assertThat(templates.retrieve(ws, id).roleNames()).containsExactly("teacher", "student");
    }

    @Test
    void other_features_read_roles_and_region_from_the_template() {
        Template template = templates.retrieve(ws, id);
        assertThat(template.roleNames()).containsExactly("teacher", "student");
        assertThat(template.role("teacher").orElseThrow().path("permissions").path("hlsStreaming").asBoolean()).isTrue();
        assertThat(template.role("teacher").orElseThrow().path("name").asText()).isEqualTo("teacher");
        assertThat(template.role("nobody")).isEmpty();
        assertThat(template.region()).isEqualTo("auto");
        Template byDefault = db.read(h -> templates.defaultOf(h, ws));
        assertThat(byDefault.roleNames()).containsExactly("host", "guest");
        assertThat(byDefault.role("host").orElseThrow().path("permissions").path("endRoom").asBoolean()).isTrue();
        Optional<Template> found = db.read(h -> templates.find(h, ws, id));
        assertThat(found).contains(template);
    }
}
