package dev.hundred.server.recordings;

import java.util.List;

/**
 * The body of {@code POST /v2/recordings/room/{room_id}/start} (spec §8.2), as sent: every field optional,
 * checked by {@link StartRules}.
 */
record StartBody(String meetingUrl, Resolution resolution, String destination, Boolean audioOnly,
                 TranscriptionBody transcription) {

    record Resolution(Integer width, Integer height) {}

    record TranscriptionBody(Boolean enabled, List<String> outputModes, List<String> customVocabulary,
                             SummaryBody summary) {}

    record SummaryBody(Boolean enabled, String context, Double temperature, List<SectionBody> sections) {}

    record SectionBody(String title, String format) {}
}
