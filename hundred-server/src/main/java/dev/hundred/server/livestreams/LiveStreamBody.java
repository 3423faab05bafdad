package dev.hundred.server.livestreams;

import java.util.List;

/**
 * The start body (spec §10.2): every field optional. {@code recording} absent means the HLS destination's
 * recording settings (or none); present, its flags count as sent (a missing flag is false).
 */
record LiveStreamBody(String meetingUrl, Recording recording, String destination, Transcription transcription) {

    record Recording(Boolean hlsVod, Boolean singleFilePerLayer) {}

    /** {@code modes}: recorded (a transcript after the stream) and/or live (captions for viewers). */
    record Transcription(Boolean enabled, List<String> modes, List<String> outputModes, List<String> customVocabulary,
                         Summary summary) {}

    record Summary(Boolean enabled, String context, Double temperature, List<Section> sections) {}

    record Section(String title, String format) {}
}
