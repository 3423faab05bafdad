package dev.hundred.server.recordings;

import dev.hundred.server.templates.Destinations;
import dev.hundred.server.templates.RecordingConfig;
import dev.hundred.server.templates.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording destination of a template: its recording configuration (spec §5.8) or a deprecated
 * {@code destinations.browserRecordings} entry (§5.11), with what a start takes from it: the recorder's
 * resolution and role, the longest it may run, how long presigned links last, and whether it composes the
 * room in a browser of its own ({@code compositeRecording.browserComposite}: then no meeting URL is needed).
 */
record RecordingDestination(String name, Integer width, Integer height, Integer maxDuration, String role,
                            Integer presignDuration, boolean browserComposite) {

    /** Every recording destination of the template: the recording configurations first, then the legacy ones. */
    static List<RecordingDestination> of(Template template) {
        List<RecordingDestination> all = new ArrayList<>();
        for (RecordingConfig c : template.recordings() == null ? List.<RecordingConfig>of() : template.recordings()) {
            RecordingConfig.BrowserComposite browser = c.compositeRecording() == null ? null
                    : c.compositeRecording().browserComposite();
            all.add(new RecordingDestination(c.name(), browser == null ? null : browser.width(),
                    browser == null ? null : browser.height(), c.maxDuration(), c.role(), c.presignDuration(),
                    browser != null));
        }
        Destinations d = template.destinations();
        if (d != null && d.browserRecordings() != null) {
            d.browserRecordings().forEach((key, b) -> all.add(new RecordingDestination(b.name() != null ? b.name() : key,
                    b.width(), b.height(), b.maxDuration(), b.role(), b.presignDuration(), false)));
        }
        return all;
    }
}
