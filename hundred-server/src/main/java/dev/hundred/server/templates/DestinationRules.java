package dev.hundred.server.templates;

import static dev.hundred.server.templates.Problems.at;
import static dev.hundred.server.templates.Problems.index;

import dev.hundred.server.templates.Destinations.HlsDestination;
import dev.hundred.server.templates.Destinations.HlsLayer;
import dev.hundred.server.templates.Destinations.RtmpDestination;
import dev.hundred.server.templates.Destinations.Summary;
import dev.hundred.server.templates.Destinations.Thumbnails;
import dev.hundred.server.templates.Destinations.Transcription;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules of destinations (spec §5.11). Only what the docs state is enforced; the docs' own examples
 * must pass, which is why {@code numPlaylistSegments} is range-checked but accepted with an {@code event}
 * playlist (where it has no effect), and recording layers need not repeat the stream's layers.
 */
final class DestinationRules {
    static final int MAX_RTMP_URLS = 3;
    static final List<String> PLAYLIST_TYPES = List.of("event", "live");
    static final List<String> TRANSCRIPTION_MODES = List.of("recorded", "live", "caption");
    static final List<String> OUTPUT_MODES = List.of("txt", "srt", "json");
    static final List<String> SECTION_FORMATS = List.of("bullets", "paragraph");
    static final int MAX_CONTEXT = 300;
    static final int MAX_SECTIONS = 6;
    static final int MAX_SECTION_TITLE = 100;

    private DestinationRules() {}

    static void check(Destinations d, String prefix, Problems p) {
        each(d.browserRecordings(), at(prefix, "browserRecordings"), Destinations.BrowserRecording::name, p, (at, b) -> {
            dimensions(at, b.width(), b.height(), p);
            p.atLeast(at(at, "maxDuration"), b.maxDuration(), 0);
            p.atLeast(at(at, "presignDuration"), b.presignDuration(), 0);
            p.atLeast(at(at, "autoStopTimeout"), b.autoStopTimeout(), 0);
            thumbnails(at(at, "thumbnails"), b.thumbnails(), p);
        });
        each(d.rtmpDestinations(), at(prefix, "rtmpDestinations"), RtmpDestination::name, p, (at, r) -> rtmp(at, r, p));
        each(d.hlsDestinations(), at(prefix, "hlsDestinations"), HlsDestination::name, p, (at, h) -> hls(at, h, p));
        each(d.transcriptions(), at(prefix, "transcriptions"), Transcription::name, p, (at, t) -> transcription(at, t, p));
    }

    private static void rtmp(String at, RtmpDestination r, Problems p) {
        dimensions(at, r.width(), r.height(), p);
        p.atLeast(at(at, "maxDuration"), r.maxDuration(), 0);
        p.atLeast(at(at, "autoStopTimeout"), r.autoStopTimeout(), 0);
        p.maxSize(at(at, "rtmpUrls"), r.rtmpUrls(), MAX_RTMP_URLS, "URLs");
        if (r.rtmpUrls() != null) {
            for (int i = 0; i < r.rtmpUrls().size(); i++) {
                String url = r.rtmpUrls().get(i);
                String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
                if (!(lower.startsWith("rtmp://") || lower.startsWith("rtmps://")) || lower.indexOf("://") + 3 == lower.length()) {
                    p.add(index(at(at, "rtmpUrls"), i), "must be an rtmp:// or rtmps:// URL");
                }
            }
        }
    }

    private static void hls(String at, HlsDestination h, Problems p) {
        p.atLeast(at(at, "maxDuration"), h.maxDuration(), 0);
        p.atLeast(at(at, "autoStopTimeout"), h.autoStopTimeout(), 0);
        p.atLeast(at(at, "videoFrameRate"), h.videoFrameRate(), 0);
        hlsLayers(at(at, "layers"), h.layers(), p);
        p.oneOf(at(at, "playlistType"), h.playlistType(), PLAYLIST_TYPES);
        p.between(at(at, "numPlaylistSegments"), h.numPlaylistSegments(), 3, 150);
        if (h.recording() != null) {
            String rec = at(at, "recording");
            hlsLayers(at(rec, "layers"), h.recording().layers(), p);
            thumbnails(at(rec, "thumbnails"), h.recording().thumbnails(), p);
            p.atLeast(at(rec, "presignDuration"), h.recording().presignDuration(), 0);
        }
    }

    /**
     * Even sizes; the shorter side within 144-1080 and the longer within 192-1920; each layer no larger
     * and no richer than the one before. {@code {}} is a layer the docs accept.
     */
    private static void hlsLayers(String path, List<HlsLayer> layers, Problems p) {
        if (layers == null) {
            return;
        }
        HlsLayer previous = null;
        for (int i = 0; i < layers.size(); i++) {
            String at = index(path, i);
            HlsLayer layer = layers.get(i);
            if (layer == null) {
                p.add(at, "must be an object");
                continue;
            }
            for (String side : List.of("width", "height")) {
                Integer value = side.equals("width") ? layer.width() : layer.height();
                if (value != null && value % 2 != 0) {
                    p.add(at(at, side), "must be an even number");
                }
            }
            if (layer.width() != null && layer.height() != null) {
                int shorter = Math.min(layer.width(), layer.height());
                int longer = Math.max(layer.width(), layer.height());
                if (shorter < 144 || shorter > 1080) {
                    p.add(at, "shorter side must be between 144 and 1080");
                }
                if (longer < 192 || longer > 1920) {
                    p.add(at, "longer side must be between 192 and 1920");
                }
                if (previous != null && previous.width() != null && previous.height() != null
                        && (long) layer.width() * layer.height() > (long) previous.width() * previous.height()) {
                    p.add(at, "must not have a higher resolution than the layer before");
                }
            } else {
                p.between(at(at, "width"), layer.width(), 144, 1920);
                p.between(at(at, "height"), layer.height(), 144, 1920);
            }
            p.atLeast(at(at, "videoBitrate"), layer.videoBitrate(), 0);
            p.atLeast(at(at, "audioBitrate"), layer.audioBitrate(), 0);
            if (previous != null && previous.videoBitrate() != null && layer.videoBitrate() != null
                    && layer.videoBitrate() > previous.videoBitrate()) {
                p.add(at(at, "videoBitrate"), "must not be higher than in the layer before");
            }
            previous = layer;
        }
    }

    private static void transcription(String at, Transcription t, Problems p) {
        p.required(at(at, "role"), t.role());
        p.eachOneOf(at(at, "modes"), t.modes(), TRANSCRIPTION_MODES);
        p.eachOneOf(at(at, "outputModes"), t.outputModes(), OUTPUT_MODES);
        if (t.customVocabulary() != null && t.customVocabulary().contains(null)) {
            p.add(at(at, "customVocabulary"), "must hold only strings");
        }
        Summary summary = t.summary();
        if (summary != null) {
            String sum = at(at, "summary");
            p.maxLength(at(sum, "context"), summary.context(), MAX_CONTEXT);
            p.between(at(sum, "temperature"), summary.temperature(), "0.1", "1.0");
            p.maxSize(at(sum, "sections"), summary.sections(), MAX_SECTIONS, "sections");
            if (summary.sections() != null) {
                for (int i = 0; i < summary.sections().size(); i++) {
                    String sec = index(at(sum, "sections"), i);
                    Destinations.SummarySection section = summary.sections().get(i);
                    if (section == null) {
                        p.add(sec, "must be an object");
                        continue;
                    }
                    p.required(at(sec, "title"), section.title());
                    p.maxLength(at(sec, "title"), section.title(), MAX_SECTION_TITLE);
                    p.required(at(sec, "format"), section.format());
                    p.oneOf(at(sec, "format"), section.format(), SECTION_FORMATS);
                }
            }
        }
        if (t.translation() != null && Boolean.TRUE.equals(t.translation().enabled())
                && (t.modes() == null || !t.modes().contains("caption"))) {
            p.add(at(at, "translation"), "works only with the caption mode");
        }
    }

    static void thumbnails(String at, Thumbnails t, Problems p) {
        if (t != null) {
            dimensions(at, t.width(), t.height(), p);
            p.atLeast(at(at, "fps"), t.fps(), 0);
            if (t.offsets() != null && t.offsets().stream().anyMatch(o -> o == null || o < 0)) {
                p.add(at(at, "offsets"), "must hold seconds, none negative");
            }
        }
    }

    static void dimensions(String at, Integer width, Integer height, Problems p) {
        p.atLeast(at(at, "width"), width, 0);
        p.atLeast(at(at, "height"), height, 0);
    }

    /** Each entry of a map keyed by name: the name inside, when given, is the key. */
    private static <T> void each(Map<String, T> map, String path, Function<T, String> nameOf, Problems p,
                                 java.util.function.BiConsumer<String, T> rules) {
        if (map == null) {
            return;
        }
        map.forEach((key, value) -> {
            String at = at(path, key);
            if (key.isBlank()) {
                p.add(at, "must be keyed by a name");
            }
            if (!key.equals(nameOf.apply(value))) {
                p.add(at(at, "name"), "must be " + key + ", the key it is filed under");
            }
            rules.accept(at, value);
        });
    }
}
