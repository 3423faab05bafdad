package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.media.H264Reader.Decoded;
import dev.hundred.server.media.H264Reader.Nal;
import dev.hundred.server.media.H264Reader.Sps;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link H264} writes, read back with the tests' own reader and decoder ({@link H264Reader}). */
class H264Test {
    private static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"1280, 720, 31, 1280, 720", "640, 360, 30, 640, 360", "1920, 1080, 40, 1920, 1080",
        "854, 480, 30, 854, 480", "17, 31, 30, 18, 32", "16, 16, 30, 16, 16"})
    void the_sps_describes_the_picture_and_the_slice_decodes_to_its_samples(
            int width, int height, int level, int codedWidth, int codedHeight) {
        BufferedImage card = TestCard.of("room", width, height, AT);
        H264.Picture picture = H264.encode(card);

        Nal sps = H264Reader.nal(picture.sps());
        Nal pps = H264Reader.nal(picture.pps());
        assertThat(List.of(sps.type(), sps.refIdc(), pps.type(), pps.refIdc())).containsExactly(7, 3, 8, 3);
        Sps read = H264Reader.sps(sps);
        assertThat(List.of(read.profile(), read.constraints(), read.level())).containsExactly(66, 0xC0, level);
        assertThat(List.of(read.mbWidth(), read.mbHeight())).containsExactly((width + 15) / 16, (height + 15) / 16);
        // 4:2:0 crops in steps of two: an odd size keeps one more column or row
        assertThat(List.of(read.width(), read.height())).containsExactly(codedWidth, codedHeight);
        assertThat(read.cropLeft() + read.cropTop()).isZero();
        assertThat(read.pocType()).as("no reordering").isEqualTo(2);
        assertThat(picture.codecs()).isEqualTo(String.format("avc1.42C0%02X", level));

        List<byte[]> units = H264Reader.lengthPrefixed(picture.sample());
        assertThat(units).as("the sample is one NAL unit").hasSize(1);
        Nal slice = H264Reader.nal(units.get(0));
        assertThat(List.of(slice.type(), slice.refIdc())).containsExactly(5, 3);
        for (byte[] unit : List.of(picture.sps(), picture.pps(), units.get(0))) {
            assertNoStartCodeEmulation(unit);
        }

        Decoded decoded = H264Reader.decode(read, slice);
        assertThat(decoded.pcmMacroblocks() + decoded.predictedMacroblocks()).isEqualTo(read.mbWidth() * read.mbHeight());
        assertThat(decoded.pcmMacroblocks()).as("the card's text and edges need raw samples").isPositive();
        assertThatSamplesMatch(card, decoded);
    }

    @Test
    void a_picture_with_no_flat_macroblock_is_all_i_pcm_of_384_bytes_each() {
        BufferedImage noise = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        H264.Picture picture = H264.encode(noise);
        Nal slice = H264Reader.nal(H264Reader.lengthPrefixed(picture.sample()).get(0));
        Decoded decoded = H264Reader.decode(H264Reader.sps(H264Reader.nal(picture.sps())), slice);

        assertThat(decoded.pcmMacroblocks()).isEqualTo(6);
        assertThat(decoded.predictedMacroblocks()).isZero();
        assertThat(slice.rbsp().length).isBetween(6 * 384, 6 * 384 + 16); // a few header bits and alignments
        assertThatSamplesMatch(noise, decoded);
    }

    @Test
    void a_flat_grey_picture_is_predicted_throughout_and_tiny() {
        BufferedImage grey = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        // RGB 130,130,130 is Y 128 Cb 128 Cr 128: the value DC prediction starts from with no neighbours
        for (int y = 0; y < 720; y++) {
            for (int x = 0; x < 1280; x++) {
                grey.setRGB(x, y, 0x828282);
            }
        }
        H264.Picture picture = H264.encode(grey);
        Decoded decoded = H264Reader.decode(H264Reader.sps(H264Reader.nal(picture.sps())),
                H264Reader.nal(H264Reader.lengthPrefixed(picture.sample()).get(0)));

        assertThat(decoded.pcmMacroblocks()).isZero();
        assertThat(picture.sample().length).isLessThan(3600 * 8 / 8 + 64); // 8 bits a macroblock
        assertThatSamplesMatch(grey, decoded);
    }

    @Test
    void stripes_are_predicted_vertically_and_horizontally() {
        // the top half 4-pixel columns of two greys, the bottom half 4-pixel rows: past the first row of
        // macroblocks the columns repeat the samples above, past the first column the rows repeat those left
        BufferedImage stripes = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean light = y < 32 ? (x / 4) % 2 == 0 : (y / 4) % 2 == 0;
                stripes.setRGB(x, y, light ? 0xC0C0C0 : 0x404040);
            }
        }
        H264.Picture picture = H264.encode(stripes);
        Decoded decoded = H264Reader.decode(H264Reader.sps(H264Reader.nal(picture.sps())),
                H264Reader.nal(H264Reader.lengthPrefixed(picture.sample()).get(0)));

        // the top row has nothing above to copy, the left column of the lower half nothing to the left
        assertThat(decoded.pcmMacroblocks()).isEqualTo(4 + 2);
        assertThat(decoded.predictedMacroblocks()).isEqualTo(16 - 6);
        assertThatSamplesMatch(stripes, decoded);
    }

    @Test
    void emulation_prevention_breaks_every_start_code_prefix_and_reads_back() {
        byte[] rbsp = {0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 7, 0, 0};
        byte[] unit = H264.nal(3, 5, rbsp);

        assertNoStartCodeEmulation(unit);
        assertThat(unit).containsExactly(0x65, 0, 0, 3, 0, 0, 3, 0, 1, 0, 0, 3, 2, 0, 0, 3, 3, 7, 0, 0);
        assertThat(H264Reader.nal(unit).rbsp()).containsExactly(rbsp);
    }

    @Test
    void avcc_holds_the_sps_and_pps_with_four_byte_lengths() {
        H264.Picture picture = H264.parameterSets(1280, 720);
        byte[] avcC = picture.avcC();

        assertThat(avcC[0]).as("configurationVersion").isEqualTo((byte) 1);
        assertThat(new byte[] {avcC[1], avcC[2], avcC[3]}).as("profile, compatibility, level = the SPS's")
                .containsExactly(picture.sps()[1], picture.sps()[2], picture.sps()[3]);
        assertThat(avcC[4] & 3).as("lengthSizeMinusOne").isEqualTo(3);
        assertThat(avcC[5] & 0x1F).as("one SPS").isEqualTo(1);
        int spsLength = (avcC[6] & 0xFF) << 8 | avcC[7] & 0xFF;
        assertThat(java.util.Arrays.copyOfRange(avcC, 8, 8 + spsLength)).containsExactly(picture.sps());
        int at = 8 + spsLength;
        assertThat(avcC[at]).as("one PPS").isEqualTo((byte) 1);
        int ppsLength = (avcC[at + 1] & 0xFF) << 8 | avcC[at + 2] & 0xFF;
        assertThat(java.util.Arrays.copyOfRange(avcC, at + 3, at + 3 + ppsLength)).containsExactly(picture.pps());
        assertThat(avcC).hasSize(at + 3 + ppsLength);
        assertThat(H264.encode(TestCard.of("x", 1280, 720, AT)).avcC()).containsExactly(avcC);
    }

    /** No 0x000000, 0x000001 or 0x000002 anywhere in a NAL unit (7.4.1). */
    static void assertNoStartCodeEmulation(byte[] unit) {
        for (int i = 0; i + 2 < unit.length; i++) {
            if (unit[i] == 0 && unit[i + 1] == 0 && (unit[i + 2] & 0xFF) <= 2) {
                throw new AssertionError("00 00 0" + unit[i + 2] + " at byte " + i);
            }
        }
    }

    /** Each decoded sample within 1 of BT.601 limited range from the picture's RGB (chroma: a 2x2 mean). */
    private static void assertThatSamplesMatch(BufferedImage image, Decoded d) {
        int w = image.getWidth();
        int h = image.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double luma = 16 + (65.481 * (rgb >> 16 & 0xFF) + 128.553 * (rgb >> 8 & 0xFF) + 24.966 * (rgb & 0xFF)) / 255;
                assertClose("Y", x, y, d.y()[y * d.width() + x], luma);
            }
        }
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int k = 0; k < 4; k++) {
                    int rgb = image.getRGB(2 * x + (k & 1), 2 * y + (k >> 1));
                    r += (rgb >> 16 & 0xFF) / 4.0;
                    g += (rgb >> 8 & 0xFF) / 4.0;
                    b += (rgb & 0xFF) / 4.0;
                }
                assertClose("Cb", x, y, d.cb()[y * d.width() / 2 + x], 128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
                assertClose("Cr", x, y, d.cr()[y * d.width() / 2 + x], 128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
            }
        }
    }

    private static void assertClose(String plane, int x, int y, int actual, double expected) {
        if (Math.abs(actual - expected) > 1.01) {
            throw new AssertionError(plane + " at " + x + "," + y + " is " + actual + ", expected about " + expected);
        }
    }
}
