package dev.hundred.server.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code transcript} and {@code summary} assets (spec §15), in the shapes of the 100ms docs'
 * example files (server-side/v2/how-to-guides/enable-transcription-and-summary.mdx): transcript txt,
 * srt and json, summary json. Input is the speaking turns; nothing is recognised or generated, so the
 * same turns always give the same files.
 *
 * <p>Where the docs show only an example, Hundred takes it literally: one json "sentence" per turn (the
 * example's one sentence holds two), words are the turn's whitespace-separated tokens without leading or
 * trailing punctuation, and each word's time is the turn's time shared out by the tokens' lengths.
 */
public final class Transcripts {
    /** The dashboard's default summary sections, used when none are asked for. */
    public static final List<Section> DEFAULT_SECTIONS = List.of(
            new Section("Agenda", "bullets"),
            new Section("Key Points Discussed", "bullets"),
            new Section("Follow Up Action Items", "bullets"),
            new Section("Short Summary", "paragraph"));

    private static final int BULLETS_PER_SECTION = 5;

    /**
     * One person speaking once.
     *
     * @param peerId the speaker's peer id
     * @param name the speaker's name
     * @param startMillis from the start of the recording
     * @param endMillis from the start of the recording, not before {@code startMillis}
     * @param text what was said
     */
    public record Turn(String peerId, String name, long startMillis, long endMillis, String text) {
        public Turn {
            Objects.requireNonNull(peerId, "peerId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            if (startMillis < 0 || endMillis < startMillis) {
                throw new IllegalArgumentException("a turn ends at or after it starts, from 0");
            }
        }
    }

    /**
     * A requested summary section (transcription.summary.sections in the API).
     *
     * @param title its heading
     * @param format {@code bullets} or {@code paragraph}
     */
    public record Section(String title, String format) {
        public Section {
            Objects.requireNonNull(title, "title");
            if (!"bullets".equals(format) && !"paragraph".equals(format)) {
                throw new IllegalArgumentException("a section's format is bullets or paragraph, not " + format);
            }
        }
    }

    private Transcripts() {}

    /** {@code Name: text}, one turn per paragraph, in time order. */
    public static String txt(List<Turn> turns) {
        StringBuilder out = new StringBuilder();
        for (Turn t : ordered(turns)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(t.name()).append(": ").append(t.text().strip()).append('\n');
        }
        return out.toString();
    }

    /** SubRip: numbered cues from 1, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, text {@code Name: text}. */
    public static String srt(List<Turn> turns) {
        StringBuilder out = new StringBuilder();
        int cue = 0;
        for (Turn t : ordered(turns)) {
            if (cue > 0) {
                out.append('\n');
            }
            out.append(++cue).append('\n')
                    .append(clock(t.startMillis())).append(" --> ").append(clock(t.endMillis())).append('\n')
                    .append(t.name()).append(": ").append(t.text().strip()).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code {"words": [{word, name, peer_id, start_time, end_time}], "sentences": [{sentence, name,
     * peer_id, start_time, end_time}]}}, times as strings of milliseconds.
     */
    public static String json(List<Turn> turns) {
        List<Object> words = new ArrayList<>();
        List<Object> sentences = new ArrayList<>();
        for (Turn t : ordered(turns)) {
            String[] tokens = t.text().strip().split("\\s+");
            long total = 0;
            for (String token : tokens) {
                total += token.length() + 1;
            }
            long done = 0;
            long span = t.endMillis() - t.startMillis();
            for (String token : tokens) {
                long from = t.startMillis() + span * done / Math.max(1, total);
                done += token.length() + 1;
                long to = t.startMillis() + span * done / Math.max(1, total);
                String word = bare(token);
                if (!word.isEmpty()) {
                    words.add(entry("word", word, t, from, to));
                }
            }
            sentences.add(entry("sentence", t.text().strip(), t, t.startMillis(), t.endMillis()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("words", words);
        root.put("sentences", sentences);
        return JsonText.write(root);
    }

    /**
     * {@code {"summary": {"sections": [{title, format, bullets, paragraph}]}}}, one section per request in
     * order ({@link #DEFAULT_SECTIONS} if none). What goes in, with no model involved:
     * <ul>
     *   <li>a section whose title mentions "speaker": the speakers' names, in order of first turn;</li>
     *   <li>other bullets sections: the first sentence of turns, as {@code Name: sentence}, dealt out in
     *       turn order across those sections, at most five each;</li>
     *   <li>other paragraphs: who spoke, in how many turns, over how long, and the opening line.</li>
     * </ul>
     * A bullets section has {@code paragraph ""}; a paragraph section has {@code bullets []}.
     */
    public static String summaryJson(List<Turn> turns, List<Section> sections) {
        List<Turn> ordered = ordered(turns);
        List<Section> asked = sections.isEmpty() ? DEFAULT_SECTIONS : sections;
        Set<String> speakers = new LinkedHashSet<>();
        ordered.forEach(t -> speakers.add(t.name()));
        long dealt = asked.stream().filter(s -> s.format().equals("bullets") && !aboutSpeakers(s)).count();
        int nextDealt = 0;
        List<Object> out = new ArrayList<>();
        for (Section s : asked) {
            List<String> bullets = new ArrayList<>();
            String paragraph = "";
            if (aboutSpeakers(s)) {
                if (s.format().equals("bullets")) {
                    bullets.addAll(speakers);
                } else {
                    paragraph = speakers.isEmpty() ? "" : names(speakers) + " spoke.";
                }
            } else if (s.format().equals("bullets")) {
                for (int i = nextDealt++; i < ordered.size() && bullets.size() < BULLETS_PER_SECTION; i += (int) dealt) {
                    bullets.add(ordered.get(i).name() + ": " + firstSentence(ordered.get(i).text()));
                }
            } else {
                paragraph = overview(ordered, speakers);
            }
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("title", s.title());
            section.put("format", s.format());
            section.put("bullets", bullets);
            section.put("paragraph", paragraph);
            out.add(section);
        }
        return JsonText.write(Map.of("summary", Map.of("sections", out)));
    }

    private static String overview(List<Turn> ordered, Set<String> speakers) {
        if (ordered.isEmpty()) {
            return "";
        }
        long from = ordered.get(0).startMillis();
        long to = ordered.stream().mapToLong(Turn::endMillis).max().orElse(from);
        long seconds = (to - from + 500) / 1000;
        String length = seconds >= 60
                ? (seconds / 60) + " min " + (seconds % 60) + " s"
                : seconds + " s";
        Turn opening = ordered.get(0);
        return names(speakers) + " spoke in " + ordered.size() + (ordered.size() == 1 ? " turn" : " turns")
                + " over " + length + ". " + opening.name() + " opened: " + firstSentence(opening.text());
    }

    private static boolean aboutSpeakers(Section s) {
        return s.title().toLowerCase(Locale.ROOT).contains("speaker");
    }

    /** "A", "A and B", "A, B and C". */
    private static String names(Set<String> speakers) {
        List<String> list = new ArrayList<>(speakers);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }

    /** Up to and including the first '.', '!' or '?' that ends a word; all of it if none does. */
    static String firstSentence(String text) {
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)))) {
                return t.substring(0, i + 1);
            }
        }
        return t;
    }

    /** A token without leading or trailing punctuation: "hello," -> "hello", "How's" stays. */
    private static String bare(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.codePointAt(from))) {
            from += Character.charCount(token.codePointAt(from));
        }
        while (to > from && !Character.isLetterOrDigit(token.codePointBefore(to))) {
            to -= Character.charCount(token.codePointBefore(to));
        }
        return token.substring(from, to);
    }

    private static Map<String, Object> entry(String key, String text, Turn t, long from, long to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, text);
        m.put("name", t.name());
        m.put("peer_id", t.peerId());
        m.put("start_time", Long.toString(from));
        m.put("end_time", Long.toString(to));
        return m;
    }

    private static String clock(long millis) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d",
                millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }

    private static List<Turn> ordered(List<Turn> turns) {
        return turns.stream().sorted(Comparator.comparingLong(Turn::startMillis)).toList();
    }
}
