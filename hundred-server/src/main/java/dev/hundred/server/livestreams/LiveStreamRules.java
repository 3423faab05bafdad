package dev.hundred.server.livestreams;

import dev.hundred.server.http.Violations;
import java.util.List;
import java.util.Set;

/**
 * What a start body and a timed-metadata body must hold (spec §10.2, start-live-stream-for-room.mdx):
 * every broken rule of a body in one 400. Limits the docs leave open are Hundred's (docs/livestreams.md).
 */
final class LiveStreamRules {
    static final List<String> MODES = List.of("recorded", "live");
    static final List<String> OUTPUT_MODES = List.of("txt", "srt", "json");
    static final Set<String> FORMATS = Set.of("bullets", "paragraph");
    static final int MAX_CONTEXT = 300;
    static final int MAX_SECTIONS = 6;
    static final int MAX_TITLE = 100;
    /** Not documented: a vocabulary is for names and jargon, so words are short and a few hundred at most. */
    static final int MAX_WORDS = 1000;
    static final int MAX_WORD = 100;
    static final int MAX_DESTINATION = 255;
    static final int MAX_PAYLOAD = 100;
    /** Not documented: a cue lasts at most a day (a stream lasts at most 12 h). */
    static final int MAX_METADATA_SECONDS = 86_400;

    private LiveStreamRules() {}

    static void checkStart(LiveStreamBody body) {
        Violations v = new Violations();
        v.text("destination", body.destination(), MAX_DESTINATION);
        LiveStreamBody.Transcription t = body.transcription();
        if (t != null) {
            oneOf(v, "transcription.modes", t.modes(), MODES);
            oneOf(v, "transcription.output_modes", t.outputModes(), OUTPUT_MODES);
            if (t.customVocabulary() != null && v.noNulls("transcription.custom_vocabulary", t.customVocabulary())) {
                if (t.customVocabulary().size() > MAX_WORDS) {
                    v.add("transcription.custom_vocabulary", "must have at most " + MAX_WORDS + " words");
                }
                for (int i = 0; i < t.customVocabulary().size(); i++) {
                    v.text("transcription.custom_vocabulary[" + i + "]", t.customVocabulary().get(i), MAX_WORD);
                }
            }
            if (t.summary() != null) {
                summary(v, t.summary());
            }
        }
        v.throwIfAny();
    }

    private static void summary(Violations v, LiveStreamBody.Summary s) {
        v.text("transcription.summary.context", s.context(), MAX_CONTEXT);
        if (s.temperature() != null && !(s.temperature() >= 0.1 && s.temperature() <= 1.0)) {
            v.add("transcription.summary.temperature", "must be between 0.1 and 1.0");
        }
        if (s.sections() == null) {
            return;
        }
        if (s.sections().size() > MAX_SECTIONS) {
            v.add("transcription.summary.sections", "must have at most " + MAX_SECTIONS + " sections");
        }
        for (int i = 0; i < s.sections().size(); i++) {
            String path = "transcription.summary.sections[" + i + "]";
            LiveStreamBody.Section section = s.sections().get(i);
            if (section == null) {
                v.add(path, "must be an object");
                continue;
            }
            if (section.title() == null || section.title().isBlank()) {
                v.add(path + ".title", "is required");
            } else {
                v.text(path + ".title", section.title(), MAX_TITLE);
            }
            if (section.format() == null) {
                v.add(path + ".format", "is required");
            } else if (!FORMATS.contains(section.format())) {
                v.add(path + ".format", "must be one of bullets, paragraph");
            }
        }
    }

    private static void oneOf(Violations v, String path, List<String> values, List<String> allowed) {
        if (values == null || !v.noNulls(path, values)) {
            return;
        }
        String list = String.join(", ", allowed);
        for (int i = 0; i < values.size(); i++) {
            if (!allowed.contains(values.get(i))) {
                v.add(path + "[" + i + "]", "must be one of " + list);
            }
        }
    }

    static void checkTimedMetadata(TimedMetadataBody body) {
        Violations v = new Violations();
        if (body.payload() == null || body.payload().isEmpty()) {
            v.add("payload", "is required");
        } else {
            v.text("payload", body.payload(), MAX_PAYLOAD);
        }
        if (body.duration() == null) {
            v.add("duration", "is required");
        } else if (body.duration() < 1 || body.duration() > MAX_METADATA_SECONDS) {
            v.add("duration", "must be from 1 to " + MAX_METADATA_SECONDS + " seconds");
        }
        v.throwIfAny();
    }
}
