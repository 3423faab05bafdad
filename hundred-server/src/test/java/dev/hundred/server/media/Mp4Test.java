package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.media.BoxReader.Box;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MP4 structure, read back with the tests' own box reader: durations, timescales, sizes, offsets. */
class Mp4Test {
    private static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"1280, 720, 10500", "1920, 1080, 10800000", "640, 480, 1", "500, 500, 2147483647"})
    void video_boxes_carry_the_requested_duration_and_size(int width, int height, long millis) {
        byte[] file = Mp4.video(TestCard.of("room", width, height, AT), millis, true);
        Box root = BoxReader.read(file);

        assertThat(root.children()).extracting(Box::type).containsExactly("ftyp", "moov", "mdat");
        assertThat(root.at("ftyp").fourcc(root.at("ftyp").payload())).isEqualTo("isom");
        assertThat(root.at("moov/mvhd").timescaleAndDuration()).containsExactly(1000, millis);

        List<Box> traks = root.at("moov").all("trak");
        assertThat(traks).hasSize(2);
        Box video = traks.get(0);
        assertThat(video.at("mdia/hdlr").fourcc(video.at("mdia/hdlr").payload() + 8)).isEqualTo("vide");
        assertThat(video.at("tkhd").trackHeader()).containsExactly(1, millis, width, height);
        assertThat(video.at("mdia/mdhd").timescaleAndDuration()).containsExactly(1000, millis);
        Box stbl = video.at("mdia/minf/stbl");
        assertThat(stbl.at("stts").table(0, 2)).isDeepEqualTo(new long[][] {{1, millis}});

        Box entry = BoxReader.sampleEntry(stbl.at("stsd"), 78);
        assertThat(entry.type()).isEqualTo("avc1");
        assertThat(entry.u16(entry.offset() + 32)).isEqualTo(width);
        assertThat(entry.u16(entry.offset() + 34)).isEqualTo(height);
        Box avcC = entry.at("avcC");
        byte[] config = Arrays.copyOfRange(file, avcC.payload(), avcC.end());
        assertThat(config).containsExactly(H264.parameterSets(width, height).avcC());
        assertThat(stbl.children()).extracting(Box::type).as("no stss: every sample (the one IDR) is a sync sample")
                .doesNotContain("stss");

        // the one sample is an IDR slice of the requested size, where stco and stsz say it is
        int offset = (int) stbl.at("stco").table(0, 1)[0][0];
        int size = (int) stbl.at("stsz").u32(stbl.at("stsz").payload() + 12); // sample_size 0, count, then the size
        byte[] sample = Arrays.copyOfRange(file, offset, offset + size);
        assertThat(offset).isGreaterThanOrEqualTo(root.at("mdat").payload());
        assertThat(decodedSize(sample, width, height)).containsExactly(width, height);

        assertAudioTrack(traks.get(1), file, millis);
    }

    @Test
    void audio_only_is_one_silent_aac_track_of_the_duration() {
        byte[] file = Mp4.audioOnly(61_001);
        Box root = BoxReader.read(file);

        assertThat(root.at("moov/mvhd").timescaleAndDuration()).containsExactly(1000, 61_001);
        List<Box> traks = root.at("moov").all("trak");
        assertThat(traks).hasSize(1);
        assertThat(traks.get(0).at("tkhd").trackHeader()).containsExactly(1, 61_001, 0, 0);
        assertAudioTrack(traks.get(0), file, 61_001);
    }

    @Test
    void a_three_hour_1080p_recording_stays_small() {
        long threeHours = 3 * 3600_000L;
        // the one H.264 picture is most of it (about 117 KiB at 1080p: the text's edges are raw samples);
        // the duration adds only the audio tables and run
        byte[] second = Mp4.video(TestCard.of("room", 1920, 1080, AT), 1000, true);
        byte[] hours = Mp4.video(TestCard.of("room", 1920, 1080, AT), threeHours, true);
        assertThat(hours).hasSizeLessThan(256 * 1024);
        assertThat(hours.length - second.length).isLessThan(64 * 1024);
        assertThat(Mp4.audioOnly(threeHours)).hasSizeLessThan(16 * 1024);
    }

    @Test
    void a_video_without_audio_has_one_track() {
        Box root = BoxReader.read(Mp4.video(TestCard.of("room", 320, 240, AT), 5000, false));

        assertThat(root.at("moov").all("trak")).hasSize(1);
        assertThat(root.at("moov/mvhd").u32(root.at("moov/mvhd").payload() + 4 + 92)).as("next_track_ID").isEqualTo(2);
    }

    @Test
    void durations_outside_the_range_are_refused() {
        assertThatThrownBy(() -> Mp4.audioOnly(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mp4.audioOnly(Integer.MAX_VALUE + 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    /** 48 kHz, duration in samples, frames of 1024 with the last cut, every chunk reading silent frames. */
    private static void assertAudioTrack(Box trak, byte[] file, long millis) {
        assertThat(trak.at("mdia/hdlr").fourcc(trak.at("mdia/hdlr").payload() + 8)).isEqualTo("soun");
        long samples = millis * 48;
        assertThat(trak.at("mdia/mdhd").timescaleAndDuration()).containsExactly(48_000, samples);
        Box stbl = trak.at("mdia/minf/stbl");

        Box entry = BoxReader.sampleEntry(stbl.at("stsd"), 28);
        assertThat(entry.type()).isEqualTo("mp4a");
        assertThat(entry.u16(entry.offset() + 24)).as("channels").isEqualTo(1);
        assertThat(entry.u32(entry.offset() + 32) >> 16).as("sample rate").isEqualTo(48_000);

        long frames = (samples + 1023) / 1024;
        long[][] stts = stbl.at("stts").table(0, 2);
        assertThat(Arrays.stream(stts).mapToLong(r -> r[0]).sum()).isEqualTo(frames);
        assertThat(Arrays.stream(stts).mapToLong(r -> r[0] * r[1]).sum()).isEqualTo(samples);
        assertThat(stts[0][1]).isIn(1024L, samples);

        Box stsz = stbl.at("stsz");
        long frameSize = stsz.u32(stsz.payload() + 4);
        assertThat(frameSize).as("one size for every frame").isPositive();
        assertThat(stsz.u32(stsz.payload() + 8)).isEqualTo(frames);

        long[][] stco = stbl.at("stco").table(0, 1);
        long[][] stsc = stbl.at("stsc").table(0, 3);
        long total = 0;
        for (int chunk = 1; chunk <= stco.length; chunk++) {
            long perChunk = 0;
            for (long[] run : stsc) {
                if (run[0] <= chunk) {
                    perChunk = run[1];
                }
            }
            total += perChunk;
            // every frame of a chunk is a silent one; on long files, the first and last of each chunk
            for (long f = 0; f < perChunk; f = frames < 100_000 || f == perChunk - 1 ? f + 1 : perChunk - 1) {
                int at = (int) (stco[chunk - 1][0] + f * frameSize);
                assertThat(at + frameSize).isLessThanOrEqualTo(file.length);
                assertThat(Arrays.copyOfRange(file, at, at + (int) frameSize)).containsExactly(0, 0, 0, 7);
            }
        }
        assertThat(total).as("stsc covers every frame").isEqualTo(frames);
    }

    /** The cropped size the SPS gives, once the sample's one IDR slice decodes with it. */
    private static int[] decodedSize(byte[] sample, int width, int height) {
        List<byte[]> units = H264Reader.lengthPrefixed(sample);
        assertThat(units).hasSize(1);
        H264Reader.Sps sps = H264Reader.sps(H264Reader.nal(H264.parameterSets(width, height).sps()));
        H264Reader.decode(sps, H264Reader.nal(units.get(0)));
        return new int[] {sps.width(), sps.height()};
    }
}
