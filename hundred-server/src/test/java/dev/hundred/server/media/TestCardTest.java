package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The card's geometry, its font, and its JPEG. */
class TestCardTest {
    private static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void a_card_has_the_size_asked_with_bars_above_a_dark_panel() {
        BufferedImage card = TestCard.of("room", 1280, 720, AT);

        assertThat(card.getWidth()).isEqualTo(1280);
        assertThat(card.getHeight()).isEqualTo(720);
        assertThat(rgb(card, 8, 8)).as("first bar").isEqualTo(0xBFBFBF);
        assertThat(rgb(card, 1279, 8)).as("last bar").isEqualTo(0x0000BF);
        assertThat(rgb(card, 4, 715)).as("panel").isEqualTo(0x202020);
    }

    @Test
    void the_text_is_drawn_in_the_panel_and_changes_with_it() {
        BufferedImage card = TestCard.render(640, 360, List.of("AB"));
        BufferedImage other = TestCard.render(640, 360, List.of("AC"));

        assertThat(inkPixels(card)).isPositive();
        assertThat(inkPixels(card)).isNotEqualTo(inkPixels(other));
        assertThat(inkPixels(TestCard.render(640, 360, List.of()))).isZero();
    }

    @Test
    void the_font_covers_printable_ascii_and_boxes_the_rest() {
        for (char c = ' '; c <= '~'; c++) {
            assertThat(BitmapFont.covers(c)).as("glyph for '%s'", c).isTrue();
        }
        assertThat(BitmapFont.covers('é')).isFalse();
        assertThat(glyph('é')).isEqualTo(glyph('\u2603')).isNotEqualTo(glyph('?')).isNotEqualTo(glyph('O'));
        assertThat(glyph(' ')).doesNotContain("#");
        // a box: full top and bottom rows, hollow inside
        assertThat(glyph('é')).startsWith("#####\n#...#\n").endsWith("#...#\n#####\n");
    }

    @Test
    void a_tiny_card_clips_what_does_not_fit() {
        BufferedImage card = TestCard.of("a room with a very long name indeed", 16, 16, AT);

        assertThat(card.getWidth()).isEqualTo(16);
        assertThat(card.getHeight()).isEqualTo(16);
    }

    @Test
    void the_jpeg_decodes_to_the_same_size_and_stays_small() throws IOException {
        byte[] jpeg = TestCard.jpeg(TestCard.of("room", 1920, 1080, AT));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.getWidth()).isEqualTo(1920);
        assertThat(decoded.getHeight()).isEqualTo(1080);
        assertThat(jpeg).hasSizeLessThan(32 * 1024);
        // flat areas survive compression nearly untouched
        assertThat(Math.abs((decoded.getRGB(1900, 1060) & 0xFF) - 0x20)).isLessThan(4);
    }

    @Test
    void sizes_outside_the_range_are_refused() {
        assertThatThrownBy(() -> TestCard.render(15, 100, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestCard.render(100, 8193, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static int inkPixels(BufferedImage image) {
        int count = 0;
        for (int y = image.getHeight() / 4; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (rgb(image, x, y) == 0xF0F0F0) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String glyph(char c) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < BitmapFont.HEIGHT; y++) {
            for (int x = 0; x < BitmapFont.WIDTH; x++) {
                out.append(BitmapFont.pixel(c, x, y) ? '#' : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
