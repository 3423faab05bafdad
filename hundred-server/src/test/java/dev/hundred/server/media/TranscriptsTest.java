package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hundred.server.media.Transcripts.Section;
import dev.hundred.server.media.Transcripts.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcript and summary files, against the 100ms docs' example (enable-transcription-and-summary.mdx). */
class TranscriptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOHN = "cf348192-f1d5-4cdb-9eb3-b62c2649e419";
    private static final String SARAH = "05292829-3603-4a64-be91-5a46abdbd5af";
    // given out of order: every file is in time order
    private static final List<Turn> TURNS = List.of(
            new Turn(SARAH, "Sarah", 14_230, 17_390, "Hey, long time no see! What have you been up to?"),
            new Turn(JOHN, "John", 1_010, 12_870, "Hello, hello, hello! How's your day been?"));

    @Test
    void txt_is_name_and_text_per_turn() {
        assertThat(Transcripts.txt(TURNS)).isEqualTo("""
                John: Hello, hello, hello! How's your day been?

                Sarah: Hey, long time no see! What have you been up to?
                """);
    }

    @Test
    void srt_numbers_cues_with_millisecond_times() {
        assertThat(Transcripts.srt(TURNS)).isEqualTo("""
                1
                00:00:01,010 --> 00:00:12,870
                John: Hello, hello, hello! How's your day been?

                2
                00:00:14,230 --> 00:00:17,390
                Sarah: Hey, long time no see! What have you been up to?
                """);
        assertThat(Transcripts.srt(List.of(new Turn("p", "A", 3_723_004, 36_000_000, "x"))))
                .contains("01:02:03,004 --> 10:00:00,000");
    }

    @Test
    void json_has_words_and_sentences_with_times_as_strings() throws Exception {
        JsonNode root = JSON.readTree(Transcripts.json(TURNS));

        assertThat(root.fieldNames()).toIterable().containsExactly("words", "sentences");
        JsonNode first = root.get("words").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("word", "name", "peer_id", "start_time", "end_time");
        assertThat(first.get("word").asText()).isEqualTo("Hello");
        assertThat(first.get("start_time").isTextual()).isTrue();
        assertThat(first.get("start_time").asText()).isEqualTo("1010");
        List<String> words = new ArrayList<>();
        long previousEnd = 0;
        for (JsonNode w : root.get("words")) {
            words.add(w.get("word").asText());
            long start = Long.parseLong(w.get("start_time").asText());
            long end = Long.parseLong(w.get("end_time").asText());
            assertThat(start).isGreaterThanOrEqualTo(previousEnd).isLessThanOrEqualTo(end);
            previousEnd = end;
        }
        assertThat(words).containsExactly("Hello", "hello", "hello", "How's", "your", "day", "been",
                "Hey", "long", "time", "no", "see", "What", "have", "you", "been", "up", "to");
        assertThat(previousEnd).isEqualTo(17_390);

        JsonNode sentence = root.get("sentences").get(1);
        assertThat(sentence.get("sentence").asText()).isEqualTo("Hey, long time no see! What have you been up to?");
        assertThat(sentence.get("name").asText()).isEqualTo("Sarah");
        assertThat(sentence.get("peer_id").asText()).isEqualTo(SARAH);
        assertThat(sentence.get("start_time").asText()).isEqualTo("14230");
        assertThat(sentence.get("end_time").asText()).isEqualTo("17390");
    }

    @Test
    void the_summary_has_one_section_per_request_built_from_the_turns() throws Exception {
        JsonNode sections = JSON.readTree(Transcripts.summaryJson(TURNS, List.of(
                new Section("Speakers", "bullets"),
                new Section("Agenda", "bullets"),
                new Section("Key Points Discussed", "bullets"),
                new Section("Short Summary", "paragraph")))).get("summary").get("sections");

        assertThat(sections).hasSize(4);
        assertThat(sections.get(0).fieldNames()).toIterable().containsExactly("title", "format", "bullets", "paragraph");
        assertThat(texts(sections.get(0).get("bullets"))).containsExactly("John", "Sarah");
        assertThat(texts(sections.get(1).get("bullets"))).containsExactly("John: Hello, hello, hello!");
        assertThat(texts(sections.get(2).get("bullets"))).containsExactly("Sarah: Hey, long time no see!");
        assertThat(sections.get(1).get("paragraph").asText()).isEmpty();
        assertThat(sections.get(3).get("format").asText()).isEqualTo("paragraph");
        assertThat(sections.get(3).get("bullets")).isEmpty();
        assertThat(sections.get(3).get("paragraph").asText())
                .isEqualTo("John and Sarah spoke in 2 turns over 16 s. John opened: Hello, hello, hello!");
    }

    @Test
    void without_sections_the_dashboard_defaults_are_used_and_no_turns_give_empty_sections() throws Exception {
        JsonNode sections = JSON.readTree(Transcripts.summaryJson(List.of(), List.of())).get("summary").get("sections");

        assertThat(sections).extracting(s -> s.get("title").asText())
                .containsExactly("Agenda", "Key Points Discussed", "Follow Up Action Items", "Short Summary");
        assertThat(sections).allSatisfy(s -> {
            assertThat(s.get("bullets")).isEmpty();
            assertThat(s.get("paragraph").asText()).isEmpty();
        });
    }

    @Test
    void bad_sections_and_turns_are_refused() {
        assertThatThrownBy(() -> new Section("x", "table")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turn("p", "n", 10, 9, "t")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
