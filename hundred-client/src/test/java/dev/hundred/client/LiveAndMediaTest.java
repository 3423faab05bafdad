package dev.hundred.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.exception.InvalidRequestException;
import dev.hundred.client.exception.NotFoundException;
import dev.hundred.client.model.ActiveRoom;
import dev.hundred.client.model.AnalyticsEvent;
import dev.hundred.client.model.ExternalStream;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.LiveStream;
import dev.hundred.client.model.Peer;
import dev.hundred.client.model.PeerStats;
import dev.hundred.client.model.PresignedUrl;
import dev.hundred.client.model.Recording;
import dev.hundred.client.model.RecordingAsset;
import dev.hundred.client.model.Room;
import dev.hundred.client.model.Session;
import dev.hundred.client.model.StreamKey;
import dev.hundred.client.model.Template;
import dev.hundred.client.param.AnalyticsEventListParams;
import dev.hundred.client.param.EndRoomParams;
import dev.hundred.client.param.ExternalStreamListParams;
import dev.hundred.client.param.ExternalStreamStartParams;
import dev.hundred.client.param.LiveStreamListParams;
import dev.hundred.client.param.LiveStreamStartParams;
import dev.hundred.client.param.PeerListParams;
import dev.hundred.client.param.PeerUpdateParams;
import dev.hundred.client.param.RecordingAssetListParams;
import dev.hundred.client.param.RecordingListParams;
import dev.hundred.client.param.RecordingStartParams;
import dev.hundred.client.param.RemovePeersParams;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.SendMessageParams;
import dev.hundred.client.param.SessionListParams;
import dev.hundred.client.param.TemplateCreateParams;
import dev.hundred.client.param.TimedMetadataParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions, active rooms, recordings, assets, live and external streams, stream keys, analytics events, peer stats. */
class LiveAndMediaTest {
    private static final String MEETING = "https://example.app.100ms.live/preview/room/beam?skip_preview=true";
    private static TestServer server;
    private static HmsClient hms;

    @BeforeAll
    static void start() {
        server = TestServer.own(); // its job settings are its own: jobs move only when the test advances them
        hms = server.client();
        server.emulator("POST", "/settings", Map.of("jobs", Map.of("start_delay_seconds", 3600,
                "stop_delay_seconds", 3600, "post_processing_seconds", 3600)));
    }

    @AfterAll
    static void stop() {
        server.hundred.close();
    }

    private static Room room() {
        Template t = hms.templates().create(TemplateCreateParams.builder().name("media-" + System.nanoTime())
                .roles(Map.of("host", Map.of(), "guest", Map.of()))
                .destinations(Map.of("hlsDestinations", Map.of("main", Map.of()))).build());
        return hms.rooms().create(RoomCreateParams.builder().templateId(t.id()).build());
    }

    private static JsonNode join(String roomId, String role, String name, List<Map<String, Object>> tracks) {
        return server.emulator("POST", "/rooms/" + roomId + "/peers",
                Map.of("role", role, "name", name, "user_id", "user-" + name, "tracks", tracks));
    }

    private static void advance(String jobId, int times) {
        for (int i = 0; i < times; i++) {
            server.emulator("POST", "/jobs/" + jobId + "/advance", null);
        }
    }

    @Test
    void sessionsAndActiveRooms() {
        Room room = room();
        assertThatThrownBy(() -> hms.activeRooms().retrieve(room.id())).isInstanceOf(NotFoundException.class);
        String ann = join(room.id(), "host", "ann", List.of(Map.of("type", "audio", "source", "regular"))).get("id").asText();
        String bob = join(room.id(), "guest", "bob", List.of()).get("id").asText();

        ActiveRoom active = hms.activeRooms().retrieve(room.id());
        assertThat(active.session().peers()).containsExactlyInAnyOrder(ann, bob);
        Map<String, Peer> hosts = hms.activeRooms().listPeers(room.id(), PeerListParams.builder().role("host").build());
        assertThat(hosts).containsOnlyKeys(ann);
        Peer annPeer = hms.activeRooms().retrievePeer(room.id(), ann);
        assertThat(annPeer.tracks().values()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("audio"));
        assertThat(hms.activeRooms().updatePeer(room.id(), bob, PeerUpdateParams.builder().name("Bob").metadata("{\"a\":1}")
                .build()).name()).isEqualTo("Bob");
        assertThat(hms.activeRooms().sendMessage(room.id(), SendMessageParams.builder().message("hi").build()).message())
                .isEqualTo("message sent");

        Session session = hms.sessions().retrieveActive(room.id());
        assertThat(session.active()).isTrue();
        assertThat(session.peers()).containsKeys(ann, bob);
        assertThat(hms.sessions().retrieve(session.id()).roomId()).isEqualTo(room.id());
        assertThat(hms.sessions().list(SessionListParams.builder().roomId(room.id()).build()).data())
                .extracting(Session::id).containsExactly(session.id());

        assertThat(hms.activeRooms().removePeers(room.id(), RemovePeersParams.builder().peerId(bob).reason("bye").build())
                .message()).isEqualTo("peer remove request submitted");
        assertThat(hms.activeRooms().endRoom(room.id(), EndRoomParams.builder().reason("done").build()).message())
                .isEqualTo("session is ending");
        Session ended = hms.sessions().retrieve(session.id());
        assertThat(ended.active()).isFalse();
        assertThat(ended.peers().get(bob).leftAt()).isNotNull();

        PeerStats derived = hms.analytics().retrievePeerStats(ann, session.id());
        assertThat(derived.peerId()).isEqualTo(ann);
        assertThat(derived.publisher().audio()).isNotNull();

        server.emulator("POST", "/sessions/" + session.id() + "/peers/" + ann + "/stats", Map.of(
                "publisher", Map.of("audio", List.of(Map.of("track_id", "a1", "time_series", Map.of(
                        "timestamps", List.of(1000, 2000), "bitrate", List.of(32000, 31000),
                        "packet_loss_percent", List.of(0, 0.5), "rtt_ms", List.of(20, 22), "jitter_ms", List.of(1, 2))))),
                "subscriber", Map.of("video", List.of(Map.of("track_id", "v9", "type", "regular", "time_series",
                        Map.of("timestamps", List.of(1000), "bitrate", java.util.Collections.singletonList(null),
                                "fps", List.of(24), "freeze_count", List.of(0)))))));
        PeerStats stats = hms.analytics().retrievePeerStats(ann, session.id());
        PeerStats.TrackStats audio = stats.publisher().audio().get(0);
        assertThat(audio.trackId()).isEqualTo("a1");
        assertThat(audio.timeSeries().timestamps()).containsExactly(1000L, 2000L);
        assertThat(audio.timeSeries().packetLossPercent()).containsExactly(0.0, 0.5);
        assertThat(audio.timeSeries().jitterMs()).containsExactly(1.0, 2.0);
        assertThat(stats.publisher().video()).isEmpty();
        PeerStats.TrackStats received = stats.subscriber().video().get(0);
        assertThat(received.type()).isEqualTo("regular");
        assertThat(received.timeSeries().bitrate()).containsExactly((Double) null);
        assertThat(received.timeSeries().fps()).containsExactly(24.0);
    }

    @Test
    void analyticsEventsPageThroughNext() {
        Room room = room();
        join(room.id(), "host", "cat", List.of(Map.of("type", "audio", "source", "regular"),
                Map.of("type", "video", "source", "regular"), Map.of("type", "video", "source", "screen")));
        HmsPage<AnalyticsEvent> first = hms.analytics().listEvents(AnalyticsEventListParams.builder().roomId(room.id())
                .type(List.of("track.add.success")).limit(1).build());
        assertThat(first.data()).hasSize(1);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.stream().map(AnalyticsEvent::type).toList()).containsExactly("track.add.success",
                "track.add.success", "track.add.success");
        assertThat(first.data().get(0).data()).containsEntry("room_id", room.id());
        assertThatThrownBy(() -> hms.analytics().listEvents(AnalyticsEventListParams.builder().build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void recordingsRunToAssets() {
        Room room = room();
        join(room.id(), "host", "dan", List.of());
        Recording rec = hms.recordings().start(room.id(), RecordingStartParams.builder().meetingUrl(MEETING).build());
        assertThat(rec.status()).isEqualTo("starting");
        assertThat(rec.startedAt()).isNull();
        advance(rec.id(), 1);
        assertThat(hms.recordings().retrieve(rec.id()).status()).isEqualTo("running");
        assertThat(hms.recordings().pause(room.id()).id()).isEqualTo(rec.id());
        assertThat(hms.recordings().resume(room.id()).id()).isEqualTo(rec.id());
        assertThat(hms.recordings().stop(rec.id()).status()).isEqualTo("stopping");
        advance(rec.id(), 2);
        Recording done = hms.recordings().retrieve(rec.id());
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.recordingAssets()).isNotEmpty();
        assertThat(hms.recordings().list(RecordingListParams.builder().roomId(room.id()).build()).data())
                .extracting(Recording::id).containsExactly(rec.id());

        List<RecordingAsset> assets = hms.recordingAssets().list(RecordingAssetListParams.builder().roomId(room.id()).build())
                .stream().toList();
        assertThat(assets).isNotEmpty();
        RecordingAsset asset = hms.recordingAssets().retrieve(assets.get(0).id());
        assertThat(asset.jobId()).isEqualTo(rec.id());
        PresignedUrl url = hms.recordingAssets().presignedUrl(asset.id(), 600);
        assertThat(url.url()).startsWith("http");
        assertThat(url.expiry()).isEqualTo(600);

        Recording second = hms.recordings().start(room.id(), RecordingStartParams.builder().meetingUrl(MEETING).build());
        assertThat(hms.recordings().stopAll(room.id())).extracting(Recording::id).containsExactly(second.id());
        assertThatThrownBy(() -> hms.recordings().start(room.id(), RecordingStartParams.builder().build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void liveAndExternalStreams() {
        Room room = room();
        join(room.id(), "host", "eve", List.of());
        LiveStream live = hms.liveStreams().start(room.id(), LiveStreamStartParams.builder().meetingUrl(MEETING)
                .recording(Map.of("hls_vod", true)).build());
        assertThat(live.status()).isEqualTo("starting");
        advance(live.id(), 1);
        LiveStream running = hms.liveStreams().retrieve(live.id());
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.playback().url()).contains(".m3u8");
        assertThat(running.recording().hlsVod()).isTrue();
        assertThat(hms.liveStreams().sendTimedMetadata(live.id(), TimedMetadataParams.builder().payload("q1").duration(5)
                .build()).id()).isEqualTo(live.id());
        hms.liveStreams().pauseRecording(live.id());
        hms.liveStreams().resumeRecording(live.id());
        assertThat(hms.liveStreams().list(LiveStreamListParams.builder().roomId(room.id()).build()).data())
                .extracting(LiveStream::id).containsExactly(live.id());
        assertThat(hms.liveStreams().stop(live.id()).status()).isEqualTo("stopping");

        ExternalStream ext = hms.externalStreams().start(room.id(), ExternalStreamStartParams.builder().meetingUrl(MEETING)
                .rtmpUrls(List.of("rtmp://example.com/live/key")).recording(true).build());
        assertThat(ext.rtmpUrls()).containsExactly("rtmp://example.com/live/key");
        assertThat(hms.externalStreams().retrieve(ext.id()).recording()).isTrue();
        assertThat(hms.externalStreams().list(ExternalStreamListParams.builder().roomId(room.id()).build()).data())
                .extracting(ExternalStream::id).containsExactly(ext.id());
        assertThat(hms.externalStreams().stopAll(room.id())).extracting(ExternalStream::id).containsExactly(ext.id());
        ExternalStream another = hms.externalStreams().start(room.id(), ExternalStreamStartParams.builder().meetingUrl(MEETING)
                .rtmpUrls(List.of("rtmp://example.com/live/2")).build());
        assertThat(hms.externalStreams().stop(another.id()).id()).isEqualTo(another.id());
        assertThatThrownBy(() -> hms.externalStreams().start(room.id(), ExternalStreamStartParams.builder()
                .meetingUrl(MEETING).build())).isInstanceOf(InvalidRequestException.class);
        LiveStream again = hms.liveStreams().start(room.id(), LiveStreamStartParams.builder().meetingUrl(MEETING).build());
        assertThat(hms.liveStreams().stopAll(room.id())).extracting(LiveStream::id).contains(again.id());
    }

    @Test
    void streamKeys() {
        Room room = room();
        StreamKey key = hms.streamKeys().create(room.id());
        assertThat(key.roomId()).isEqualTo(room.id());
        assertThat(key.url()).startsWith("rtmp");
        assertThat(key.enabled()).isTrue();
        assertThat(hms.streamKeys().retrieve(room.id()).key()).isEqualTo(key.key());
        assertThatThrownBy(() -> hms.streamKeys().create(room.id())).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.apiMessage()).isEqualTo("Active key already exists"));
        assertThat(hms.streamKeys().disable(room.id()).message()).isEqualTo("key disabled successfully");
        assertThatThrownBy(() -> hms.streamKeys().retrieve(room.id())).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.apiMessage()).isEqualTo("No active key found"));
    }
}
