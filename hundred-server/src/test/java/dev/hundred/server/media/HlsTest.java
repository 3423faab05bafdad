package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.media.BoxReader.Box;
import dev.hundred.server.media.Hls.Layer;
import dev.hundred.server.media.Hls.TimedMetadata;
import dev.hundred.server.media.Hls.Window;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Playlists from elapsed time, timed metadata, segment bytes and the VOD set. */
class HlsTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    private static final List<Layer> LAYERS = List.of(new Layer(1280, 720, 1_720_400), new Layer(640, 360, 620_400));
    private static final Hls LIVE = new Hls("room", START, null, LAYERS);

    @Test
    void the_master_lists_every_layer_in_order() {
        assertThat(LIVE.master()).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:6
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=1720400,RESOLUTION=1280x720,FRAME-RATE=0.500,CODECS="avc1.42C01F,mp4a.40.2"
                stream_0/stream.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=620400,RESOLUTION=640x360,FRAME-RATE=0.500,CODECS="avc1.42C01E,mp4a.40.2"
                stream_1/stream.m3u8
                """);
    }

    @Test
    void a_live_playlist_slides_over_the_segments_complete_so_far() {
        // 25.9 s in: segments 0 to 11 are complete, 12 is still being made
        String playlist = LIVE.mediaPlaylist(0, START.plusMillis(25_900), Window.live(5), List.of());

        assertThat(playlist).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:6
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:14.000Z
                #EXTINF:2.000,
                segment7.m4s
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:16.000Z
                #EXTINF:2.000,
                segment8.m4s
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:18.000Z
                #EXTINF:2.000,
                segment9.m4s
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:20.000Z
                #EXTINF:2.000,
                segment10.m4s
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:22.000Z
                #EXTINF:2.000,
                segment11.m4s
                """);
    }

    @Test
    void an_event_playlist_keeps_every_segment_from_the_first() {
        String playlist = LIVE.mediaPlaylist(1, START.plusMillis(6_000), Window.EVENT, List.of());

        assertThat(playlist).contains("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:EVENT\n")
                .contains("segment0.m4s\n", "segment1.m4s\n", "segment2.m4s\n")
                .doesNotContain("segment3.m4s", "#EXT-X-ENDLIST");
        assertThat(LIVE.segmentCount(START.plusMillis(5_999))).isEqualTo(2);
        assertThat(LIVE.segmentCount(START.plusMillis(6_000))).isEqualTo(3);
    }

    @Test
    void before_the_first_segment_is_complete_a_playlist_has_none() {
        assertThat(LIVE.mediaPlaylist(0, START.minusSeconds(5), Window.live(5), List.of()))
                .contains("#EXT-X-MEDIA-SEQUENCE:0").doesNotContain("#EXTINF");
        assertThat(LIVE.mediaPlaylist(0, START.plusMillis(1_999), Window.live(5), List.of())).doesNotContain("#EXTINF");
    }

    @Test
    void a_stopped_stream_ends_with_a_short_last_segment_and_endlist() {
        Hls stopped = new Hls("room", START, START.plusMillis(7_500), LAYERS);

        String playlist = stopped.mediaPlaylist(0, START.plusSeconds(60), Window.EVENT, List.of());

        assertThat(playlist).endsWith("""
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:06.000Z
                #EXTINF:1.500,
                segment3.m4s
                #EXT-X-ENDLIST
                """);
        assertThat(stopped.segmentCount(START.plusSeconds(60))).isEqualTo(4);
        // asked just before the stop, it is still live
        assertThat(stopped.mediaPlaylist(0, START.plusMillis(7_000), Window.EVENT, List.of())).doesNotContain("#EXT-X-ENDLIST");
        assertThatThrownBy(() -> stopped.segment(0, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timed_metadata_is_a_daterange_before_the_segment_it_starts_in() {
        List<TimedMetadata> metadata = List.of(
                new TimedMetadata("late", "not yet", START.plusSeconds(30), Duration.ofSeconds(1)),
                new TimedMetadata("quiz", "{\"q\":1}", START.plusMillis(17_250), Duration.ofSeconds(10)),
                new TimedMetadata("old", "over", START.plusSeconds(1), Duration.ofSeconds(2)),
                new TimedMetadata("long", "still on", START.plusSeconds(3), Duration.ofSeconds(60)));

        String playlist = LIVE.mediaPlaylist(0, START.plusMillis(25_900), Window.live(5), metadata);

        assertThat(playlist).contains("""
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-DATERANGE:ID="long",START-DATE="2024-05-01T10:00:03.000Z",DURATION=60.000,X-100MSLIVE-PAYLOAD="still on"
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:14.000Z
                #EXTINF:2.000,
                segment7.m4s
                #EXT-X-DATERANGE:ID="quiz",START-DATE="2024-05-01T10:00:17.250Z",DURATION=10.000,X-100MSLIVE-PAYLOAD="{'q':1}"
                #EXT-X-PROGRAM-DATE-TIME:2024-05-01T10:00:16.000Z
                """);
        assertThat(playlist).doesNotContain("ID=\"old\"", "ID=\"late\"");
        assertThat(playlist.lines().filter(l -> l.startsWith("#EXT-X-DATERANGE"))).hasSize(2);
    }

    @Test
    void a_segment_is_the_same_bytes_whoever_renders_it() {
        Hls again = new Hls("room", START, null, LAYERS);

        assertThat(LIVE.segment(1, 42)).isEqualTo(again.segment(1, 42)).isNotEqualTo(LIVE.segment(1, 43));
        assertThat(LIVE.initSegment(0)).isEqualTo(again.initSegment(0));
    }

    @Test
    void a_segment_is_two_seconds_of_picture_and_the_audio_frames_starting_in_it() {
        long n = 7;
        Box root = BoxReader.read(LIVE.segment(0, n));

        assertThat(root.children()).extracting(Box::type).containsExactly("moof", "mdat");
        Box moof = root.at("moof");
        assertThat(moof.at("mfhd").u32(moof.at("mfhd").payload() + 4)).isEqualTo(n + 1);
        List<Box> trafs = moof.all("traf");
        assertThat(trafs).hasSize(2);

        Box video = trafs.get(0);
        assertThat(video.at("tfhd").u32(video.at("tfhd").payload() + 4)).isEqualTo(1);
        assertThat(video.at("tfdt").version()).isEqualTo(1);
        assertThat(video.at("tfdt").u64(video.at("tfdt").payload() + 4)).isEqualTo(n * 2000);
        Box trun = video.at("trun");
        int p = trun.payload() + 4;
        assertThat(trun.u32(p)).as("samples").isEqualTo(1);
        int pictureAt = moof.offset() + trun.s32(p + 4);
        assertThat(trun.u32(p + 8)).as("duration, ms").isEqualTo(2000);
        int pictureSize = (int) trun.u32(p + 12);
        // the sample is one IDR slice, 4-byte length first, decoding to the layer's size: every segment
        // starts with a keyframe (trex's default sample flags, 0, make it a sync sample)
        byte[] sample = Arrays.copyOfRange(root.file(), pictureAt, pictureAt + pictureSize);
        List<byte[]> units = H264Reader.lengthPrefixed(sample);
        assertThat(units).hasSize(1);
        H264Reader.Nal idr = H264Reader.nal(units.get(0));
        assertThat(idr.type()).isEqualTo(5);
        H264Reader.Sps sps = H264Reader.sps(H264Reader.nal(H264.parameterSets(1280, 720).sps()));
        assertThat(H264Reader.decode(sps, idr).width()).isEqualTo(1280);
        assertThat(pictureAt + pictureSize).isLessThanOrEqualTo(root.at("mdat").end());

        Box audio = trafs.get(1);
        long first = (n * 96_000 + 1023) / 1024;
        long end = ((n + 1) * 96_000 + 1023) / 1024;
        assertThat(audio.at("tfdt").u64(audio.at("tfdt").payload() + 4)).isEqualTo(first * 1024);
        long samples = audio.all("trun").stream().mapToLong(r -> r.u32(r.payload() + 4)).sum();
        assertThat(samples).isEqualTo(end - first).isIn(93L, 94L);
        for (Box run : audio.all("trun")) {
            int at = moof.offset() + run.s32(run.payload() + 8);
            assertThat(at).isGreaterThanOrEqualTo(root.at("mdat").payload());
            assertThat(at + 4 * run.u32(run.payload() + 4)).isLessThanOrEqualTo(root.at("mdat").end());
        }
    }

    @Test
    void the_init_segment_declares_both_tracks_for_fragments() {
        Box root = BoxReader.read(LIVE.initSegment(1));

        assertThat(root.children()).extracting(Box::type).containsExactly("ftyp", "moov");
        Box moov = root.at("moov");
        assertThat(moov.at("mvex").all("trex")).hasSize(2);
        List<Box> traks = moov.all("trak");
        assertThat(traks.get(0).at("tkhd").trackHeader()).containsExactly(1, 0, 640, 360);
        assertThat(traks.get(0).at("mdia/mdhd").timescaleAndDuration()).containsExactly(1000, 0);
        assertThat(traks.get(1).at("mdia/mdhd").timescaleAndDuration()).containsExactly(48_000, 0);
        Box avc1 = BoxReader.sampleEntry(traks.get(0).at("mdia/minf/stbl/stsd"), 78);
        assertThat(avc1.type()).isEqualTo("avc1");
        Box avcC = avc1.at("avcC");
        assertThat(Arrays.copyOfRange(avcC.file(), avcC.payload(), avcC.end()))
                .containsExactly(H264.parameterSets(640, 360).avcC());
        assertThat(BoxReader.sampleEntry(traks.get(1).at("mdia/minf/stbl/stsd"), 28).type()).isEqualTo("mp4a");
    }

    @Test
    void files_are_served_by_path_once_they_exist() {
        Instant now = START.plusMillis(10_000);

        assertThat(LIVE.file("master.m3u8", now, Window.EVENT, List.of()).orElseThrow().contentType())
                .isEqualTo("application/vnd.apple.mpegurl");
        assertThat(text(LIVE.file("stream_1/stream.m3u8", now, Window.EVENT, List.of()).orElseThrow().bytes()))
                .isEqualTo(LIVE.mediaPlaylist(1, now, Window.EVENT, List.of()));
        assertThat(LIVE.file("stream_0/init.mp4", now, Window.EVENT, List.of()).orElseThrow().bytes())
                .isEqualTo(LIVE.initSegment(0));
        Hls.File segment = LIVE.file("stream_0/segment4.m4s", now, Window.EVENT, List.of()).orElseThrow();
        assertThat(segment.contentType()).isEqualTo("video/mp4");
        assertThat(segment.bytes()).isEqualTo(LIVE.segment(0, 4));

        for (String missing : List.of("stream_0/segment5.m4s", "stream_0/segment04.m4s", "stream_2/stream.m3u8",
                "stream_0/../master.m3u8", "stream_0/other.m4s", "index.m3u8")) {
            assertThat(LIVE.file(missing, now, Window.EVENT, List.of())).as(missing).isEmpty();
        }
    }

    @Test
    void the_vod_of_a_three_hour_1080p_stream_zips_small() throws IOException {
        Hls stopped = new Hls("room", START, START.plus(Duration.ofHours(3)), List.of(new Layer(1920, 1080, 3_000_000)));

        Map<String, byte[]> vod = stopped.vod(List.of(
                new TimedMetadata("m", "p", START.plusSeconds(5), Duration.ofSeconds(5))));
        byte[] zip = Zip.of(vod);

        assertThat(vod.keySet()).containsExactly(
                "master.m3u8", "stream_0/stream.m3u8", "stream_0/init.mp4", "stream_0/segment0.m4s");
        assertThat(text(vod.get("stream_0/stream.m3u8"))).contains(
                "#EXT-X-TARGETDURATION:10800\n", "#EXT-X-PLAYLIST-TYPE:VOD\n", "#EXTINF:10800.000,\nsegment0.m4s\n",
                "#EXT-X-DATERANGE:ID=\"m\"").endsWith("#EXT-X-ENDLIST\n");
        assertThat(zip).hasSizeLessThan(256 * 1024); // the 1080p H.264 picture is most of it
        Map<String, byte[]> unzipped = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                unzipped.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(unzipped.keySet()).containsExactlyElementsOf(vod.keySet());
        assertThat(unzipped.get("stream_0/segment0.m4s")).isEqualTo(vod.get("stream_0/segment0.m4s"));

        Box audio = BoxReader.read(vod.get("stream_0/segment0.m4s")).at("moof").all("traf").get(1);
        long frames = audio.all("trun").stream().mapToLong(r -> r.u32(r.payload() + 4)).sum();
        assertThat(frames).isEqualTo(3 * 3600 * 48_000L / 1024);
    }

    @Test
    void a_vod_needs_a_stopped_stream() {
        assertThatThrownBy(() -> LIVE.vod(List.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Hls("r", START, START.minusSeconds(1), LAYERS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hls("r", START, null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
