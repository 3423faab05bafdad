package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Base64;
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
        assertThat(t.roles().get("host").permissions().hlsStreaming()).isTrue();
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
        assertThat(viewer.permissions().pollRead()).isTrue();
        assertThat(viewer.permissions().endRoom()).isFalse();
        hms.templates().deleteRole(t.id(), "viewer");
        assertThatThrownBy(() -> hms.templates().retrieveRole(t.id(), "viewer")).isInstanceOf(NotFoundException.class);

        TemplateSettings settings = hms.templates().retrieveSettings(t.id());
        ObjectNode changed = Json.mapper().valueToTree(settings);
        changed.put("region", "eu");
        assertThat(hms.templates().updateSettings(t.id(), changed).region()).isEqualTo("eu");

        TemplateDestinations d = hms.templates().updateDestinations(t.id(),
                Map.of("hlsDestinations", Map.of("main", Map.of("name", "main", "playlistType", "event"))));
        assertThat(d.hlsDestinations()).containsKey("main");
        assertThat(hms.templates().retrieveDestinations(t.id()).hlsDestinations().get("main").playlistType())
                .isEqualTo("event");

        List<RecordingConfig> configs = hms.templates().updateRecordings(t.id(),
                List.of(Map.of("name", "rec", "role", "host", "maxDuration", 3600)));
        assertThat(configs).singleElement().satisfies(c -> assertThat(c.maxDuration()).isEqualTo(3600));
        assertThat(hms.templates().retrieveRecordings(t.id())).extracting(RecordingConfig::name).containsExactly("rec");

        Template current = hms.templates().retrieve(t.id());
        Template renamed = hms.templates().update(t.id(), TemplateUpdateParams.from(current).name(t.name() + "-b").build());
        assertThat(renamed.name()).isEqualTo(t.name() + "-b");
        assertThat(renamed.roles()).containsOnlyKeys("host", "guest");
    }

    @Test
    void typedRolesSettingsDestinationsAndRecordingsRoundTrip() {
        Map<String, Object> host = Map.of(
                "publishParams", Map.of("allowed", List.of("audio", "video", "simulcast"),
                        "video", Map.of("bitRate", 500, "width", 640, "height", 360, "frameRate", 24),
                        "simulcast", Map.of("video", Map.of("layers", List.of(
                                Map.of("rid", "f", "scaleResolutionDownBy", 1.0, "maxBitrate", 500, "maxFramerate", 24),
                                Map.of("rid", "h", "scaleResolutionDownBy", 2.0, "maxBitrate", 200, "maxFramerate", 24))),
                                "screen", Map.of())),
                "subscribeParams", Map.of("subscribeToRoles", List.of("host", "guest"), "maxSubsBitRate", 3200,
                        "subscribeDegradation", Map.of("packetLossThreshold", 25, "degradeGracePeriodSeconds", 1,
                                "recoverGracePeriodSeconds", 4)),
                "permissions", Map.of("endRoom", true, "pollWrite", true),
                "priority", 1,
                "maxPeerCount", 2);
        Map<String, Object> destinations = Map.of(
                "rtmpDestinations", Map.of("yt", Map.of("name", "yt", "width", 1280, "height", 720,
                        "rtmpUrls", List.of("rtmp://127.0.0.1/live/key"))),
                "hlsDestinations", Map.of("main", Map.of("name", "main", "playlistType", "live", "numPlaylistSegments", 5,
                        "layers", List.of(Map.of("width", 1280, "height", 720, "videoBitrate", 1500, "audioBitrate", 128)),
                        "recording", Map.of("hlsVod", true, "thumbnails",
                                Map.of("enabled", true, "width", 320, "height", 180, "offsets", List.of(2), "fps", 1)))),
                "transcriptions", Map.of("notes", Map.of("name", "notes", "role", "host", "modes", List.of("recorded"),
                        "outputModes", List.of("txt", "srt"), "summary", Map.of("enabled", true, "temperature", 0.5,
                                "sections", List.of(Map.of("title", "Actions", "format", "bullets"))))));
        Template created = hms.templates().create(TemplateCreateParams.builder().name("typed-" + System.nanoTime())
                .roles(Map.of("host", host, "guest", Map.of()))
                .settings(Map.of("region", "eu", "roomState", Map.of("messageInterval", 10, "sendPeerList", true, "enabled", true)))
                .destinations(destinations)
                .plugins(Map.of("whiteboard", Map.of("permissions", Map.of("admin", List.of("host"), "reader", List.of("guest")))))
                .build());

        Template t = hms.templates().retrieve(created.id());
        Role h = t.roles().get("host");
        assertThat(h.publishParams().allowed()).containsExactly("audio", "video", "simulcast");
        assertThat(h.publishParams().video().bitRate()).isEqualTo(500);
        assertThat(h.publishParams().video().width()).isEqualTo(640);
        assertThat(h.publishParams().audio().codec()).isEqualTo("opus"); // a default the server filled in
        assertThat(h.publishParams().simulcast().video().layers()).extracting(Role.SimulcastLayer::rid).containsExactly("f", "h");
        assertThat(h.publishParams().simulcast().video().layers().get(1).scaleResolutionDownBy()).isEqualTo(2.0);
        assertThat(h.subscribeParams().subscribeToRoles()).containsExactly("host", "guest");
        assertThat(h.subscribeParams().subscribeDegradation().packetLossThreshold()).isEqualTo(25);
        assertThat(h.permissions().endRoom()).isTrue();
        assertThat(h.permissions().pollWrite()).isTrue();
        assertThat(h.permissions().mute()).isFalse();
        assertThat(h.maxPeerCount()).isEqualTo(2);
        assertThat(t.roles().get("guest").publishParams().video().bitRate()).isEqualTo(256);

        assertThat(t.settings().region()).isEqualTo("eu");
        assertThat(t.settings().roomState().messageInterval()).isEqualTo(10);
        assertThat(t.settings().roomState().sendPeerList()).isTrue();

        TemplateDestinations.HlsDestination main = t.destinations().hlsDestinations().get("main");
        assertThat(main.playlistType()).isEqualTo("live");
        assertThat(main.layers()).singleElement().satisfies(l -> assertThat(l.videoBitrate()).isEqualTo(1500));
        assertThat(main.recording().hlsVod()).isTrue();
        assertThat(main.recording().thumbnails().offsets()).containsExactly(2);
        assertThat(t.destinations().rtmpDestinations().get("yt").rtmpUrls()).containsExactly("rtmp://127.0.0.1/live/key");
        TemplateDestinations.Transcription notes = t.destinations().transcriptions().get("notes");
        assertThat(notes.outputModes()).containsExactly("txt", "srt");
        assertThat(notes.summary().sections()).extracting(TemplateDestinations.SummarySection::title).containsExactly("Actions");
        assertThat(t.plugins().whiteboard().permissions().admin()).containsExactly("host");

        // one role changed from its typed form: the camera's bitrate and the peer cap; the rest comes back as it was
        Role.Video v = h.publishParams().video();
        Role.PublishParams faster = new Role.PublishParams(h.publishParams().allowed(), h.publishParams().audio(),
                new Role.Video(800, v.codec(), v.frameRate(), v.width(), v.height(), v.extra()),
                h.publishParams().screen(), h.publishParams().simulcast(), h.publishParams().extra());
        Role updated = hms.templates().updateRole(t.id(), "host",
                RoleParams.from(h).publishParams(faster).maxPeerCount(5).build());
        assertThat(updated.publishParams().video().bitRate()).isEqualTo(800);
        Role reread = hms.templates().retrieveRole(t.id(), "host");
        assertThat(reread.maxPeerCount()).isEqualTo(5);
        assertThat(reread.publishParams().video().bitRate()).isEqualTo(800);
        assertThat(reread.subscribeParams()).isEqualTo(h.subscribeParams());
        assertThat(reread.permissions()).isEqualTo(h.permissions());
        assertThat(reread.publishParams().simulcast()).isEqualTo(h.publishParams().simulcast());
        assertThat(hms.templates().retrieve(t.id()).destinations()).isEqualTo(t.destinations());

        // the whole template sent back from its typed form changes nothing but what was changed
        Template same = hms.templates().update(t.id(), TemplateUpdateParams.from(hms.templates().retrieve(t.id())).build());
        assertThat(same.roles().get("host")).isEqualTo(reread);
        assertThat(same.settings()).isEqualTo(t.settings());
        assertThat(same.destinations()).isEqualTo(t.destinations());
        assertThat(same.plugins()).isEqualTo(t.plugins());

        List<RecordingConfig> configs = hms.templates().updateRecordings(t.id(), List.of(Map.of("name", "rec", "role", "host",
                "thumbnails", Map.of("enabled", true, "width", 320, "height", 180, "offsets", List.of(5), "fps", 1),
                "compositeRecording", Map.of("browserComposite", Map.of("autoStart", true, "width", 1280, "height", 720)),
                "trackRecording", Map.of("enabled", true), "streamRecording", Map.of("enabled", false))));
        RecordingConfig rec = hms.templates().retrieveRecordings(t.id()).get(0);
        assertThat(rec).isEqualTo(configs.get(0));
        assertThat(rec.compositeRecording().browserComposite().autoStart()).isTrue();
        assertThat(rec.compositeRecording().browserComposite().width()).isEqualTo(1280);
        assertThat(rec.trackRecording().enabled()).isTrue();
        assertThat(rec.thumbnails().offsets()).containsExactly(5);
        // the typed configuration sent back as it was read
        assertThat(hms.templates().updateRecordings(t.id(), List.of(rec))).containsExactly(rec);
    }

    @Test
    void fieldsThisClientDoesNotNameAreKeptDeepInsideAndWrittenBack() throws Exception {
        String json = "{\"name\":\"host\",\"publishParams\":{\"video\":{\"bitRate\":300,\"av1\":true},\"newThing\":[1]},"
                + "\"permissions\":{\"endRoom\":true,\"teleport\":false}}";
        Role role = Json.mapper().readValue(json, Role.class);
        assertThat(role.publishParams().video().bitRate()).isEqualTo(300);
        assertThat(role.publishParams().video().extra()).containsEntry("av1", true);
        assertThat(role.publishParams().extra()).containsKey("newThing");
        assertThat(role.permissions().extra()).containsEntry("teleport", false);
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(role))).isEqualTo(Json.mapper().readTree(json));
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

    @Test
    void roomCodeExchangedForAnAppTokenOnTheSameServer() {
        assertThat(hms.roomCodes().authBaseUrl()).isEqualTo(server.baseUrl());
        Template t = template("exchange");
        Room room = hms.rooms().create(RoomCreateParams.builder().templateId(t.id()).build());
        RoomCode guest = hms.roomCodes().create(room.id(), "guest");

        JsonNode claims = claims(hms.roomCodes().authToken(guest.code(), "u-42"));
        assertThat(claims.path("type").asText()).isEqualTo("app");
        assertThat(claims.path("room_id").asText()).isEqualTo(room.id());
        assertThat(claims.path("role").asText()).isEqualTo("guest");
        assertThat(claims.path("user_id").asText()).isEqualTo("u-42");
        assertThat(claims(hms.roomCodes().authToken(guest.code())).path("user_id").asText()).isNotBlank();

        // a client with no credentials at all can exchange a code, as a browser does
        HmsClient anonymous = HmsClient.builder().managementToken("not-a-token").baseUrl(server.baseUrl()).build();
        assertThat(claims(anonymous.roomCodes().authToken(guest.code())).path("role").asText()).isEqualTo("guest");

        assertThatThrownBy(() -> hms.roomCodes().authToken("aaa-bbbb-ccc")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.apiMessage()).isEqualTo("Code not found"));
        hms.roomCodes().update(guest.code(), false);
        assertThatThrownBy(() -> hms.roomCodes().authToken(guest.code())).isInstanceOfSatisfying(PermissionException.class,
                e -> assertThat(e.apiMessage()).isEqualTo("Code is disabled"));
    }

    @Test
    void authBaseUrlFollowsTheBaseUrlUnlessSet() {
        assertThat(HmsClient.builder().managementToken("t").build().roomCodes().authBaseUrl())
                .isEqualTo("https://auth.100ms.live/v2");
        assertThat(HmsClient.builder().managementToken("t").authBaseUrl("http://127.0.0.1:1/v2").build()
                .roomCodes().authBaseUrl()).isEqualTo("http://127.0.0.1:1/v2");
    }

    private static JsonNode claims(String jwt) {
        try {
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
