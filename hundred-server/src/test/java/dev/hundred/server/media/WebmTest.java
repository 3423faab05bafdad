package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.media.EbmlReader.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebM structure, read back with the tests' own EBML reader. */
class WebmTest {

    @Test
    void an_audio_track_is_silent_opus_with_the_exact_duration() {
        byte[] file = Webm.audio(10_500);
        Element segment = segment(file);

        Element track = segment.child(EbmlReader.TRACKS).child(EbmlReader.TRACK_ENTRY);
        assertThat(track.child(0x86).string()).isEqualTo("A_OPUS");
        assertThat(track.child(0x83).uint()).as("TrackType audio").isEqualTo(2);
        assertThat(new String(track.child(0x63A2).data(), 0, 8)).isEqualTo("OpusHead");
        assertThat(track.child(0x63A2).data()[9]).as("OpusHead channels").isEqualTo((byte) 1);
        assertThat(track.child(0x56AA).uint()).as("CodecDelay ns").isEqualTo(6_500_000);
        assertThat(track.child(0x56BB).uint()).as("SeekPreRoll ns").isEqualTo(80_000_000);
        assertThat(track.child(0xE1).child(0xB5).float64()).isEqualTo(48_000.0);
        assertThat(track.child(0xE1).child(0x9F).uint()).isEqualTo(1);

        List<Element> clusters = segment.all(EbmlReader.CLUSTER);
        assertThat(clusters).extracting(c -> c.child(0xE7).uint()).containsExactly(0L, 10_480L);
        for (Element cluster : clusters) {
            byte[] block = cluster.child(0xA3).data();
            assertThat(block[0] & 0xFF).as("track 1").isEqualTo(0x81);
            assertThat(block[1] << 8 | block[2]).as("offset in cluster").isZero();
            assertThat(block[3] & 0x80).as("key frame").isEqualTo(0x80);
            assertThat(block[4] & 0xFF).as("Opus TOC: CELT fullband 20 ms, mono, one frame").isEqualTo(0xF8);
        }
        assertCuesPointAtClusters(file, segment);
    }

    @Test
    void a_video_track_is_one_vp8_key_frame_lasting_the_whole_duration() {
        byte[] file = Webm.video(1001, 333, 65_000);
        Element segment = segment(file);

        Element track = segment.child(EbmlReader.TRACKS).child(EbmlReader.TRACK_ENTRY);
        assertThat(track.child(0x86).string()).isEqualTo("V_VP8");
        assertThat(track.child(0x83).uint()).as("TrackType video").isEqualTo(1);
        assertThat(track.child(0xE0).child(0xB0).uint()).isEqualTo(1001);
        assertThat(track.child(0xE0).child(0xBA).uint()).isEqualTo(333);

        Element cluster = segment.child(EbmlReader.CLUSTER);
        Element group = cluster.child(EbmlReader.BLOCK_GROUP);
        assertThat(group.child(0x9B).uint()).as("BlockDuration").isEqualTo(65_000);
        byte[] block = group.child(0xA1).data();
        assertThat(block[0] & 0xFF).isEqualTo(0x81);
        byte[] frame = java.util.Arrays.copyOfRange(block, 4, block.length);
        int tag = (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16;
        assertThat(tag & 1).as("key frame").isZero();
        assertThat(tag >> 4 & 1).as("shown").isEqualTo(1);
        assertThat(10 + (tag >>> 5)).as("first partition inside the frame").isLessThan(frame.length);
        assertThat(frame).containsSequence((byte) 0x9D, (byte) 0x01, (byte) 0x2A);
        assertThat((frame[6] & 0xFF | (frame[7] & 0xFF) << 8) & 0x3FFF).isEqualTo(1001);
        assertThat((frame[8] & 0xFF | (frame[9] & 0xFF) << 8) & 0x3FFF).isEqualTo(333);
        assertCuesPointAtClusters(file, segment);
    }

    @Test
    void three_hours_of_either_track_stay_small() {
        long threeHours = 3 * 3600_000L;
        assertThat(Webm.audio(threeHours)).hasSizeLessThan(1024);
        assertThat(Webm.video(1920, 1080, threeHours)).hasSizeLessThan(8 * 1024);
        assertThat(segment(Webm.audio(threeHours)).child(EbmlReader.INFO).child(0x4489).float64()).isEqualTo(10_800_000.0);
    }

    @Test
    void audio_no_longer_than_a_packet_is_one_packet() {
        assertThat(segment(Webm.audio(20)).all(EbmlReader.CLUSTER)).hasSize(1);
        assertThat(segment(Webm.audio(21)).all(EbmlReader.CLUSTER)).hasSize(2);
        assertThatThrownBy(() -> Webm.audio(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Webm.video(0, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The EBML header says WebM; the Segment spans the rest; Info has millisecond ticks. */
    private static Element segment(byte[] file) {
        List<Element> top = EbmlReader.read(file);
        assertThat(top).extracting(Element::id).containsExactly(EbmlReader.EBML, EbmlReader.SEGMENT);
        Element header = top.get(0);
        assertThat(header.child(0x4282).string()).isEqualTo("webm");
        assertThat(header.child(0x4287).uint()).isEqualTo(4);
        assertThat(header.child(0x4285).uint()).isEqualTo(2);
        Element segment = top.get(1);
        assertThat(segment.dataEnd()).isEqualTo(file.length);
        Element info = segment.child(EbmlReader.INFO);
        assertThat(info.child(0x2AD7B1).uint()).isEqualTo(1_000_000);
        return segment;
    }

    private static void assertCuesPointAtClusters(byte[] file, Element segment) {
        List<Element> clusters = segment.all(EbmlReader.CLUSTER);
        List<Element> points = segment.child(EbmlReader.CUES).all(EbmlReader.CUE_POINT);
        assertThat(points).hasSameSizeAs(clusters);
        for (int i = 0; i < points.size(); i++) {
            assertThat(points.get(i).child(0xB3).uint()).isEqualTo(clusters.get(i).child(0xE7).uint());
            Element position = points.get(i).child(EbmlReader.CUE_TRACK_POSITIONS);
            assertThat(position.child(0xF7).uint()).isEqualTo(1);
            assertThat(segment.dataStart() + position.child(0xF1).uint()).isEqualTo(clusters.get(i).offset());
        }
        assertThat(segment.children().indexOf(segment.child(EbmlReader.CUES)))
                .as("cues before clusters").isLessThan(segment.children().indexOf(clusters.get(0)));
    }
}
