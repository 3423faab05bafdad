package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.client.exception.InvalidRequestException;
import dev.hundred.client.exception.NotFoundException;
import dev.hundred.client.exception.PermissionException;
import dev.hundred.client.model.RecordingConfig;
import dev.hundred.client.model.Role;
import dev.hundred.client.model.Room;
import dev.hundred.client.model.RoomCode;
import dev.hundred.client.model.Template;
import dev.hundred.client.model.TemplateDestinations;
import dev.hundred.client.model.TemplateSettings;
import dev.hundred.client.net.Json;
import dev.hundred.client.param.RoleParams;
import dev.hundred.client.param.RoomCodeListParams;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.TemplateCreateParams;
import dev.hundred.client.param.TemplateListParams;
import dev.hundred.client.param.TemplateUpdateParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesAndCodesTest {
    private final TestServer server = TestServer.shared();
    private final HmsClient hms = server.client();

    private Template template(String name) {
        return hms.templates().create(TemplateCreateParams.builder().name(name + "-" + System.nanoTime())
                .roles(Map.of("host", Map.of(), "guest", Map.of())).build());
    }

    @Test
    void templatesInCamelCaseWithRolesSettingsDestinationsAndRecordings() {
        Template t = template("tpl");
        assertThat(t.id()).matches("[0-9a-f]{24}");
        assertThat(t.roles()).containsKeys("host", "guest");
        assertThat(t.roles().get("host").permissions()).containsEntry("hlsStreaming", true);
        assertThat(t.customerId()).isNotBlank();
        assertThat(t.createdAt()).isNotNull();
        assertThat(t.extra()).containsKey("_id"); // the deprecated duplicate of id, kept
        assertThat(hms.templates().retrieve(t.id()).id()).isEqualTo(t.id());
        assertThat(hms.templates().list(TemplateListParams.builder().limit(100).build()).stream().map(Template::id))
                .contains(t.id());

        Role host = hms.templates().retrieveRole(t.id(), "host");
        assertThat(host.name()).isEqualTo("host");
        Role viewer = hms.templates().updateRole(t.id(), "viewer", RoleParams.builder().priority(3).maxPeerCount(10)
                .permissions(Map.of("pollRead", true)).build());
        assertThat(viewer.maxPeerCount()).isEqualTo(10);
        assertThat(viewer.permissions()).containsEntry("pollRead", true);
        hms.templates().deleteRole(t.id(), "viewer");
        assertThatThrownBy(() -> hms.templates().retrieveRole(t.id(), "viewer")).isInstanceOf(NotFoundException.class);

        TemplateSettings settings = hms.templates().retrieveSettings(t.id());
        ObjectNode changed = Json.mapper().valueToTree(settings);
        changed.put("region", "eu");
        assertThat(hms.templates().updateSettings(t.id(), changed).region()).isEqualTo("eu");

        TemplateDestinations d = hms.templates().updateDestinations(t.id(),
                Map.of("hlsDestinations", Map.of("main", Map.of("name", "main", "playlistType", "event"))));
        assertThat(d.hlsDestinations()).containsKey("main");
        assertThat(hms.templates().retrieveDestinations(t.id()).hlsDestinations().get("main").get("playlistType").asText())
                .isEqualTo("event");

        List<RecordingConfig> configs = hms.templates().updateRecordings(t.id(),
                List.of(Map.of("name", "rec", "role", "host", "maxDuration", 3600)));
        assertThat(configs).singleElement().satisfies(c -> assertThat(c.maxDuration()).isEqualTo(3600));
        assertThat(hms.templates().retrieveRecordings(t.id())).extracting(RecordingConfig::name).containsExactly("rec");

        Template current = hms.templates().retrieve(t.id());
        Template renamed = hms.templates().update(t.id(), TemplateUpdateParams.builder().name(t.name() + "-b")
                .roles(current.roles()).settings(current.settings()).build());
        assertThat(renamed.name()).isEqualTo(t.name() + "-b");
        assertThat(renamed.roles()).containsOnlyKeys("host", "guest");
    }

    @Test
    void templateErrors() {
        assertThatThrownBy(() -> hms.templates().retrieve("000000000000000000000000")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> hms.templates().create(TemplateCreateParams.builder().name("bad/name").build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void roomCodesForEveryRoleOrOneAndEnabledOrNot() {
        Template t = template("codes");
        Room room = hms.rooms().create(RoomCreateParams.builder().templateId(t.id()).build());
        List<RoomCode> codes = hms.roomCodes().create(room.id());
        assertThat(codes).extracting(RoomCode::role).containsExactlyInAnyOrder("host", "guest");
        RoomCode host = codes.stream().filter(c -> c.role().equals("host")).findFirst().orElseThrow();
        assertThat(host.roomId()).isEqualTo(room.id());
        assertThat(host.enabled()).isTrue();

        assertThat(hms.roomCodes().update(host.code(), false).enabled()).isFalse();
        assertThat(hms.roomCodes().list(room.id(), RoomCodeListParams.builder().enabled(false).build()).data())
                .extracting(RoomCode::code).containsExactly(host.code());
        assertThat(hms.roomCodes().create(room.id(), "guest").role()).isEqualTo("guest");
        assertThat(hms.roomCodes().list(room.id()).stream().count()).isGreaterThanOrEqualTo(2);

        assertThatThrownBy(() -> hms.roomCodes().create(room.id(), "nobody")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.apiMessage()).isEqualTo("Role not found"));
        assertThatThrownBy(() -> hms.roomCodes().update("aaa-bbbb-ccc", true)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.apiMessage()).isEqualTo("Code not found"));
        hms.rooms().enable(room.id(), false);
        assertThatThrownBy(() -> hms.roomCodes().create(room.id())).isInstanceOfSatisfying(PermissionException.class,
                e -> assertThat(e.apiMessage()).isEqualTo("Room is disabled"));
    }
}
