package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ZipTest {

    @Test
    void files_come_back_stored_in_order() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("master.m3u8", "#EXTM3U\n".getBytes(StandardCharsets.UTF_8));
        files.put("stream_0/init.mp4", new byte[] {1, 2, 3});

        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Zip.of(files)))) {
            ZipEntry first = in.getNextEntry();
            assertThat(first.getName()).isEqualTo("master.m3u8");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(in.readAllBytes()).isEqualTo(files.get("master.m3u8"));
            assertThat(in.getNextEntry().getName()).isEqualTo("stream_0/init.mp4");
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
            assertThat(in.getNextEntry()).isNull();
        }
    }

    @Test
    void the_same_files_give_the_same_bytes() {
        Map<String, byte[]> files = Map.of("a.txt", new byte[] {42});

        assertThat(Zip.of(files)).isEqualTo(Zip.of(Map.of("a.txt", new byte[] {42})));
    }

    @Test
    void paths_that_leave_the_archive_are_refused() {
        for (String bad : new String[] {"/etc/passwd", "../x", "a/../../x", "a\\b", ""}) {
            assertThatThrownBy(() -> Zip.of(Map.of(bad, new byte[0]))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
