package dev.hundred.server.templates;

import static dev.hundred.server.templates.Problems.at;
import static dev.hundred.server.templates.Problems.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Template names, settings (spec §5.10), plugins (§5.12), and the rules that tie the parts together. */
final class TemplateRules {
    static final List<String> REGIONS = List.of("in", "us", "eu", "auto");
    static final List<String> STORAGE_TYPES = List.of("s3", "gs", "oss", "azure");
    static final int MAX_NAME = 255;
    static final int MAX_RECORDING_CONFIGS = 1;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9 ._:-]+");

    private TemplateRules() {}

    static void name(String name, Problems p) {
        if (name == null) {
            return;
        }
        if (!NAME.matcher(name).matches()) {
            p.add("name", "may contain only a-z, A-Z, 0-9, space, -, ., _ and :");
        }
        p.maxLength("name", name, MAX_NAME);
    }

    static void settings(Settings s, String prefix, Problems p) {
        p.oneOf(at(prefix, "region"), s.region(), REGIONS);
        Integer interval = s.roomState().messageInterval();
        if (interval < 5 || interval > 3600 || interval % 5 != 0) {
            p.add(at(prefix, "roomState.messageInterval"), "must be a multiple of 5 between 5 and 3600");
        }
        Settings.Upload upload = s.recording() == null ? null : s.recording().upload();
        if (upload != null) {
            String at = at(prefix, "recording.upload");
            p.required(at(at, "type"), upload.type());
            p.oneOf(at(at, "type"), upload.type(), STORAGE_TYPES);
            p.required(at(at, "location"), upload.location());
            p.required(at(at, "prefix"), upload.prefix());
            if (upload.credentials() != null) {
                p.required(at(at, "credentials.key"), upload.credentials().key());
                p.required(at(at, "credentials.secretKey"), upload.credentials().secretKey());
            }
        }
    }

    static void plugins(Plugins plugins, String prefix, Collection<String> roles, Problems p) {
        if (plugins.whiteboard() != null && plugins.whiteboard().permissions() != null) {
            Plugins.WhiteboardPermissions permissions = plugins.whiteboard().permissions();
            String at = at(prefix, "whiteboard.permissions");
            p.eachRole(at(at, "admin"), permissions.admin(), roles);
            p.eachRole(at(at, "writer"), permissions.writer(), roles);
            p.eachRole(at(at, "reader"), permissions.reader(), roles);
        }
        if (plugins.transcriptions() != null) {
            p.oneOf(at(prefix, "transcriptions.mode"), plugins.transcriptions().mode(), List.of("caption"));
            if (plugins.transcriptions().permissions() != null) {
                p.eachRole(at(prefix, "transcriptions.permissions.admin"),
                        plugins.transcriptions().permissions().admin(), roles);
            }
        }
    }

    /** The recording configurations (spec §5.8): at most one, named, recording as a role of the template. */
    static void recordings(List<RecordingConfig> configs, Collection<String> roles, Problems p) {
        if (configs.size() > MAX_RECORDING_CONFIGS) {
            p.add("body", "must hold at most " + MAX_RECORDING_CONFIGS + " recording configuration");
        }
        for (int i = 0; i < configs.size(); i++) {
            String at = index("", i);
            RecordingConfig c = configs.get(i);
            if (c == null) {
                p.add(at, "must be an object");
                continue;
            }
            p.required(at(at, "name"), c.name());
            p.required(at(at, "role"), c.role());
            if (c.role() != null && !roles.contains(c.role())) {
                p.add(at(at, "role"), "must name a role of the template, not " + c.role());
            }
            p.atLeast(at(at, "maxDuration"), c.maxDuration(), 0);
            p.atLeast(at(at, "presignDuration"), c.presignDuration(), 0);
            DestinationRules.thumbnails(at(at, "thumbnails"), c.thumbnails(), p);
            RecordingConfig.CompositeRecording composite = c.compositeRecording();
            if (composite != null && composite.browserComposite() != null) {
                String browser = at(at, "compositeRecording.browserComposite");
                DestinationRules.dimensions(browser, composite.browserComposite().width(),
                        composite.browserComposite().height(), p);
                p.atLeast(at(browser, "autoStopTimeout"), composite.browserComposite().autoStopTimeout(), 0);
            }
            if (c.streamRecording() != null) {
                DestinationRules.dimensions(at(at, "streamRecording"), c.streamRecording().width(),
                        c.streamRecording().height(), p);
            }
        }
    }

    /**
     * What must hold across parts, whichever endpoint changed them: the recording configuration records
     * as a role of the template, and zipped HLS uploads need the customer's own bucket (spec §5.11).
     * {@code destinations} is where the destinations sit in the request (empty when they are the body).
     */
    static void consistency(Template t, String destinations, Problems p) {
        for (int i = 0; i < t.recordings().size(); i++) {
            String role = t.recordings().get(i).role();
            if (!t.roles().containsKey(role)) {
                p.add(at(index("recordings", i), "role"), "must name a role of the template, not " + role);
            }
        }
        boolean ownStorage = t.settings().recording() != null && t.settings().recording().upload() != null;
        Map<String, Destinations.HlsDestination> hls = t.destinations().hlsDestinations();
        if (!ownStorage && hls != null) {
            hls.forEach((key, destination) -> {
                if (destination.recording() != null && Boolean.TRUE.equals(destination.recording().enableZipUpload())) {
                    p.add(at(destinations, "hlsDestinations." + key + ".recording.enableZipUpload"),
                            "needs settings.recording.upload: zipped upload is not available with 100ms storage");
                }
            });
        }
    }
}
