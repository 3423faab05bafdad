package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hundred.server.media.Hls.Layer;
import dev.hundred.server.media.Hls.Window;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What FFmpeg's ffprobe reads from each kind of file: codec, size, duration, and (with -count_frames,
 * which decodes every frame) that nothing fails to decode. Skipped where ffprobe is not on PATH.
 */
class FfprobeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void ffprobe_is_installed() {
        assumeTrue(onPath("ffprobe").isPresent(), "ffprobe is not on PATH");
    }

    @Test
    void a_video_mp4_is_h264_with_silent_aac() throws Exception {
        JsonNode probe = probe(write("v.mp4", Mp4.video(TestCard.of("room", 1280, 720, START), 10_500, true)), "-count_frames");

        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(10.5, within(0.001));
        JsonNode video = probe.at("/streams/0");
        assertThat(video.get("codec_name").asText()).isEqualTo("h264");
        assertThat(video.get("width").asInt()).isEqualTo(1280);
        assertThat(video.get("height").asInt()).isEqualTo(720);
        assertThat(video.get("duration").asDouble()).isCloseTo(10.5, within(0.001));
        assertThat(video.get("nb_read_frames").asInt()).isEqualTo(1);
        JsonNode audio = probe.at("/streams/1");
        assertThat(audio.get("codec_name").asText()).isEqualTo("aac");
        assertThat(audio.get("sample_rate").asInt()).isEqualTo(48_000);
        assertThat(audio.get("channels").asInt()).isEqualTo(1);
        assertThat(audio.get("duration").asDouble()).isCloseTo(10.5, within(0.001));
        assertThat(audio.get("nb_read_frames").asInt()).isEqualTo(493);
    }

    @Test
    void an_audio_only_mp4_of_three_hours_is_aac_of_three_hours() throws Exception {
        JsonNode probe = probe(write("a.mp4", Mp4.audioOnly(3 * 3600_000L)), "-count_packets");

        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(10_800, within(0.001));
        assertThat(probe.get("streams")).hasSize(1);
        assertThat(probe.at("/streams/0/codec_name").asText()).isEqualTo("aac");
        assertThat(probe.at("/streams/0/nb_read_packets").asInt()).isEqualTo(506_250);
    }

    @Test
    void a_webm_audio_track_is_opus() throws Exception {
        JsonNode probe = probe(write("a.webm", Webm.audio(10_500)), "-count_frames");

        assertThat(probe.at("/format/format_name").asText()).isEqualTo("matroska,webm");
        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(10.5, within(0.001));
        assertThat(probe.at("/streams/0/codec_name").asText()).isEqualTo("opus");
        assertThat(probe.at("/streams/0/sample_rate").asInt()).isEqualTo(48_000);
        assertThat(probe.at("/streams/0/channels").asInt()).isEqualTo(1);
        assertThat(probe.at("/streams/0/nb_read_frames").asInt()).isEqualTo(2);
    }

    @Test
    void a_webm_video_track_is_vp8() throws Exception {
        JsonNode probe = probe(write("v.webm", Webm.video(640, 480, 10_500)), "-count_frames");

        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(10.5, within(0.001));
        assertThat(probe.at("/streams/0/codec_name").asText()).isEqualTo("vp8");
        assertThat(probe.at("/streams/0/width").asInt()).isEqualTo(640);
        assertThat(probe.at("/streams/0/height").asInt()).isEqualTo(480);
        assertThat(probe.at("/streams/0/nb_read_frames").asInt()).isEqualTo(1);
    }

    @Test
    void ffmpeg_decodes_the_vp8_frame_to_one_flat_colour() throws Exception {
        Optional<String> ffmpeg = onPath("ffmpeg");
        assumeTrue(ffmpeg.isPresent(), "ffmpeg is not on PATH");
        Path webm = write("flat.webm", Webm.video(100, 50, 1000));
        Path raw = dir.resolve("flat.yuv");

        run(List.of(ffmpeg.get(), "-v", "error", "-i", webm.toString(), "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.toString()));

        byte[] yuv = Files.readAllBytes(raw);
        assertThat(yuv).hasSize(100 * 50 * 3 / 2);
        // planes Y (100x50), U and V (50x25 each): every sample of a plane is the one value
        assertThat(distinct(yuv, 0, 5000)).containsExactly(88);
        assertThat(distinct(yuv, 5000, 6250)).containsExactly(166);
        assertThat(distinct(yuv, 6250, 7500)).containsExactly(95);
    }

    @Test
    void a_stopped_hls_stream_served_over_http_is_every_layer_for_its_duration() throws Exception {
        Hls hls = new Hls("room", START, START.plusMillis(7_500),
                List.of(new Layer(1280, 720, 1_500_000), new Layer(640, 360, 600_000)));
        List<String> requested = Collections.synchronizedList(new ArrayList<>());

        JsonNode probe = serve(hls, START.plusSeconds(60), requested, url -> probe(url, "-count_frames"));

        assertThat(probe.at("/format/format_name").asText()).isEqualTo("hls");
        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(7.5, within(0.001));
        List<String> streams = new ArrayList<>();
        for (JsonNode s : probe.get("streams")) {
            streams.add(s.get("codec_name").asText() + (s.has("width") ? " " + s.get("width") + "x" + s.get("height") : "")
                    + " " + s.get("nb_read_frames").asText());
        }
        // four segments: four pictures, and the 352 AAC frames starting in 7.5 s
        assertThat(streams).containsExactlyInAnyOrder("h264 1280x720 4", "aac 352", "h264 640x360 4", "aac 352");
        assertThat(requested).contains("master.m3u8", "stream_0/stream.m3u8", "stream_0/init.mp4",
                "stream_0/segment3.m4s", "stream_1/segment0.m4s");
    }

    @Test
    void a_live_hls_stream_probes_while_it_runs() throws Exception {
        Hls hls = new Hls("room", START, null, List.of(new Layer(854, 480, 1_000_000)));

        JsonNode probe = serve(hls, START.plusSeconds(30), new ArrayList<>(), this::probe);

        assertThat(probe.at("/format/format_name").asText()).isEqualTo("hls");
        assertThat(probe.get("streams")).extracting(s -> s.get("codec_name").asText()).containsExactlyInAnyOrder("h264", "aac");
        assertThat(probe.at("/streams/0/width").asInt() + probe.at("/streams/1/width").asInt()).isEqualTo(854);
    }

    @Test
    void a_three_hour_vod_reads_back_from_disk() throws Exception {
        Hls hls = new Hls("room", START, START.plus(Duration.ofHours(3)), List.of(new Layer(1920, 1080, 3_000_000)));
        for (Map.Entry<String, byte[]> file : hls.vod(List.of()).entrySet()) {
            Files.createDirectories(dir.resolve(file.getKey()).getParent());
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }

        JsonNode probe = probe(dir.resolve("master.m3u8"), "-count_packets");

        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(10_800, within(0.001));
        List<String> streams = new ArrayList<>();
        probe.get("streams").forEach(s -> streams.add(s.get("codec_name").asText() + " " + s.get("nb_read_packets").asText()));
        assertThat(streams).containsExactlyInAnyOrder("h264 1", "aac 506250");
    }

    /** Serves {@code hls} at a frozen "now" on 127.0.0.1 while {@code client} reads its master URL. */
    private <T> T serve(Hls hls, Instant now, List<String> requested, Client<T> client) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/live/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/live/".length());
            requested.add(path);
            Optional<Hls.File> file = hls.file(path, now, Window.EVENT, List.of());
            if (file.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
                exchange.sendResponseHeaders(200, file.get().bytes().length);
                exchange.getResponseBody().write(file.get().bytes());
            }
            exchange.close();
        });
        server.start();
        try {
            return client.read("http://127.0.0.1:" + server.getAddress().getPort() + "/live/master.m3u8");
        } finally {
            server.stop(0);
        }
    }

    private interface Client<T> {
        T read(String url) throws Exception;
    }

    private JsonNode probe(Path file, String... extra) throws Exception {
        return probe(file.toString(), extra);
    }

    private JsonNode probe(String target, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(onPath("ffprobe").orElseThrow(), "-v", "error"));
        command.addAll(List.of(extra));
        command.addAll(List.of("-show_format", "-show_streams", "-of", "json", target));
        return JSON.readTree(run(command));
    }

    /** Runs a tool to completion; it must exit 0 and print nothing on stderr (-v error: no errors). */
    private String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a guard against a tool that hangs, not a timing: these runs take well under a second
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        assertThat(Files.readString(err)).as("stderr of %s", command).isEmpty();
        assertThat(process.exitValue()).isZero();
        return Files.readString(out);
    }

    private static List<Integer> distinct(byte[] bytes, int from, int to) {
        return java.util.stream.IntStream.range(from, to).map(i -> bytes[i] & 0xFF).distinct().boxed().toList();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static Optional<String> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(d -> Path.of(d, tool))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
