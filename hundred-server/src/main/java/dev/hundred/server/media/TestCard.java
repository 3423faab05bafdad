package dev.hundred.server.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The still picture every emulated recording and stream shows: colour bars over a dark panel with a
 * few lines of text, drawn with {@link BitmapFont} so no system font is needed.
 *
 * <p>The card is made to compress well: flat colours only, bar edges on multiples of 16 pixels and, once
 * the text is large enough, glyph pixels of 8x8 (or 4x4) on the 8 (or 4) pixel grid, so most JPEG blocks
 * hold one colour (or four flat quarters) and cost a few bits each. The text is neutral grey on neutral
 * grey, so chroma stays flat. The same flat 16x16 blocks are what keep the H.264 picture ({@code H264})
 * small: a flat macroblock that matches its neighbours costs a few bits, the rest raw samples.
 */
public final class TestCard {
    private static final int BACKGROUND = 0x202020;
    private static final int INK = 0xF0F0F0;
    /** 75% colour bars: white, yellow, cyan, green, magenta, red, blue. */
    private static final int[] BARS = {0xBFBFBF, 0xBFBF00, 0x00BFBF, 0x00BF00, 0xBF00BF, 0xBF0000, 0x0000BF};
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private TestCard() {}

    /**
     * The standard card: the room name, "Hundred", the resolution and the time.
     *
     * @param roomName shown on the first line (characters outside printable ASCII are drawn as boxes)
     * @param width pixels, at least 16
     * @param height pixels, at least 16
     * @param at the moment shown, printed in UTC to the second
     */
    public static BufferedImage of(String roomName, int width, int height, Instant at) {
        return render(width, height, List.of(roomName, "Hundred", width + "x" + height, CLOCK.format(at)));
    }

    /**
     * Renders {@code lines}, centred and as large as fits, under a band of colour bars.
     *
     * @param width pixels, 16 to 8192
     * @param height pixels, 16 to 8192
     */
    public static BufferedImage render(int width, int height, List<String> lines) {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("a test card is 16 to 8192 pixels each way, not " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        fill(pixels, width, 0, 0, width, height, BACKGROUND);
        int barsHeight = floor16(height / 4);
        for (int i = 0; i < BARS.length; i++) {
            int x0 = floor16(i * width / BARS.length);
            int x1 = i == BARS.length - 1 ? width : floor16((i + 1) * width / BARS.length);
            fill(pixels, width, x0, 0, x1, barsHeight, BARS[i]);
        }
        drawText(pixels, width, height, barsHeight, lines);
        return image;
    }

    /**
     * Encodes an image as a baseline JPEG (JFIF, 4:2:0) with the JDK's writer, usable as a thumbnail. No
     * video carries it any more (browsers do not decode MJPEG; videos are {@code H264}). A 1920x1080 card
     * is about 14 KiB.
     */
    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.8f);
        // tables fitted to the picture: a flat block then costs about two bits instead of six
        param.setOptimizeHuffmanTables(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // memory-cached stream: ImageIO's default would spill to temporary files
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static void drawText(int[] pixels, int width, int height, int top, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        // a character takes 6 glyph pixels across (one of spacing), a line 10 down (three of leading)
        int byWidth = longest == 0 ? Integer.MAX_VALUE : width * 9 / 10 / (6 * longest);
        int byHeight = (height - top) * 9 / 10 / (10 * lines.size());
        int scale = Math.max(1, Math.min(byWidth, byHeight));
        // glyph pixels on a grid of 8 (or 4) keep JPEG blocks flat (or split in flat quarters)
        int grid = scale >= 8 ? 8 : scale >= 4 ? 4 : 1;
        scale -= scale % grid;
        int blockHeight = lines.size() * 10 * scale - 3 * scale;
        int y = top + Math.max(0, (height - top - blockHeight) / 2);
        for (String line : lines) {
            int lineWidth = line.length() * 6 * scale - scale;
            int x = Math.max(0, (width - lineWidth) / 2);
            drawLine(pixels, width, height, x - x % grid, y - y % grid, scale, line);
            y += 10 * scale;
        }
    }

    private static void drawLine(int[] pixels, int width, int height, int x, int y, int scale, String line) {
        for (int i = 0; i < line.length(); i++) {
            int left = x + i * 6 * scale;
            for (int gy = 0; gy < BitmapFont.HEIGHT; gy++) {
                for (int gx = 0; gx < BitmapFont.WIDTH; gx++) {
                    if (BitmapFont.pixel(line.charAt(i), gx, gy)) {
                        int px = left + gx * scale;
                        int py = y + gy * scale;
                        // glyphs past the edge are clipped rather than wrapped: a tiny card shows what fits
                        fill(pixels, width, px, py, Math.min(width, px + scale), Math.min(height, py + scale), INK);
                    }
                }
            }
        }
    }

    private static void fill(int[] pixels, int stride, int x0, int y0, int x1, int y1, int rgb) {
        for (int y = y0; y < y1; y++) {
            for (int x = Math.max(0, x0); x < x1; x++) {
                pixels[y * stride + x] = rgb;
            }
        }
    }

    private static int floor16(int v) {
        return v - v % 16;
    }
}
