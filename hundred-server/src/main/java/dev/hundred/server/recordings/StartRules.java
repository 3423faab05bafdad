package dev.hundred.server.recordings;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.media.Transcripts;
import dev.hundred.server.recordings.RecordingSpec.Section;
import dev.hundred.server.recordings.RecordingSpec.SummarySpec;
import dev.hundred.server.recordings.RecordingSpec.TranscriptionSpec;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.store.Ids;
import dev.hundred.server.templates.Destinations;
import dev.hundred.server.templates.Template;
import dev.hundred.server.workspaces.Workspace;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A start body checked against the room's template (spec §8.2), every broken rule in one 400, and what
 * the recording then runs with. What the docs leave open is settled here (docs/recordings.md):
 * <ul>
 * <li>{@code meeting_url} may be left out on the template made with the workspace (Hundred's dashboard
 *     template, which has a subdomain) and when the destination composes in a browser of its own
 *     ({@code compositeRecording.browserComposite}); Hundred then makes the documented form of the URL.
 *     Otherwise it is required. Given, it must be an absolute http(s) URL of at most 2048 characters.</li>
 * <li>{@code resolution}: both sides, within the external-stream limits (no others are documented):
 *     500x480 to 1920x1080 landscape, 500x500 to 1080x1920 portrait; default the destination's, else 1280x720.</li>
 * <li>{@code destination}: one of the template's recording destinations; needed only when it has several.</li>
 * <li>{@code transcription}: the template's recorded transcription is the default, the body's fields win.</li>
 * </ul>
 */
final class StartRules {
    static final int MAX_URL = 2048;
    static final int DEFAULT_WIDTH = 1280;
    static final int DEFAULT_HEIGHT = 720;
    static final List<String> OUTPUT_MODES = List.of("txt", "srt", "json");
    static final Set<String> SECTION_FORMATS = Set.of("bullets", "paragraph");
    static final int MAX_CONTEXT = 300;
    static final int MAX_SECTIONS = 6;
    static final int MAX_TITLE = 100;
    static final int MAX_VOCABULARY = 1000;
    static final int MAX_WORD = 100;
    static final double DEFAULT_TEMPERATURE = 0.5;
    /** The dashboard's default sections, for a summary that names none. */
    static final List<Section> DEFAULT_SECTIONS = Transcripts.DEFAULT_SECTIONS.stream()
            .map(s -> new Section(s.title(), s.format())).toList();

    /** What a valid start runs with. */
    record Plan(String meetingUrl, String destination, RecordingSpec spec, String beamRole, Integer maxDurationSeconds) {}

    private final List<String> problems = new ArrayList<>();

    private StartRules() {}

    /** {@code builtIn}: the room's template is the one made with the workspace. */
    static Plan check(Workspace ws, Room room, Template template, boolean builtIn, StartBody body) {
        return new StartRules().plan(ws, room, template, builtIn, body);
    }

    private Plan plan(Workspace ws, Room room, Template template, boolean builtIn, StartBody body) {
        RecordingDestination destination = destination(RecordingDestination.of(template), blankToNull(body.destination()));
        String beamRole = destination != null && destination.role() != null && !destination.role().isEmpty()
                ? destination.role() : JobService.BEAM_ROLE;
        String meetingUrl = meetingUrl(blankToNull(body.meetingUrl()), builtIn || destination != null && destination.browserComposite(),
                ws, room, beamRole);
        int[] size = resolution(body.resolution(), destination);
        TranscriptionSpec transcription = transcription(body.transcription(), recordedTranscription(template));
        if (!problems.isEmpty()) {
            throw new ApiError(400, "Invalid body param", problems);
        }
        RecordingSpec spec = new RecordingSpec(size[0], size[1], Boolean.TRUE.equals(body.audioOnly()),
                destination == null ? null : destination.presignDuration(), transcription);
        return new Plan(meetingUrl, destination == null ? "" : destination.name(), spec, beamRole,
                destination == null ? null : destination.maxDuration());
    }

    private RecordingDestination destination(List<RecordingDestination> all, String named) {
        if (named != null) {
            for (RecordingDestination d : all) {
                if (named.equals(d.name())) {
                    return d;
                }
            }
            problems.add("destination " + named + " is not a recording destination of the template"
                    + (all.isEmpty() ? " (it has none)" : " (" + names(all) + ")"));
            return null;
        }
        if (all.size() > 1) {
            problems.add("destination is required: the template has several recording destinations (" + names(all) + ")");
            return null;
        }
        return all.isEmpty() ? null : all.get(0);
    }

    private String meetingUrl(String given, boolean optional, Workspace ws, Room room, String role) {
        if (given == null) {
            if (!optional) {
                problems.add("meeting_url is required: the room's template has no subdomain and no browser composite"
                        + " recording configuration");
                return null;
            }
            return "https://" + subdomain(ws) + ".app.100ms.live/preview/" + room.id() + "/" + role + "?skip_preview=true";
        }
        if (given.length() > MAX_URL) {
            problems.add("meeting_url must be at most " + MAX_URL + " characters");
            return given;
        }
        try {
            URI uri = new URI(given);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return given;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        problems.add("meeting_url must be an absolute http or https URL");
        return given;
    }

    /** The workspace's stand-in for a dashboard subdomain: its name as a DNS label ({@code hundred} if none). */
    static String subdomain(Workspace ws) {
        String label = ws.name() == null ? "" : ws.name().toLowerCase().replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (label.length() > 63) {
            label = label.substring(0, 63).replaceAll("-+$", "");
        }
        return label.isEmpty() ? "hundred" : label;
    }

    private int[] resolution(StartBody.Resolution given, RecordingDestination destination) {
        if (given == null) {
            if (destination != null && destination.width() != null && destination.height() != null) {
                return new int[] {destination.width(), destination.height()};
            }
            return new int[] {DEFAULT_WIDTH, DEFAULT_HEIGHT};
        }
        if (given.width() == null || given.height() == null) {
            problems.add("resolution needs both width and height");
            return new int[] {0, 0};
        }
        int w = given.width();
        int h = given.height();
        boolean landscape = w >= h && w >= 500 && w <= 1920 && h >= 480 && h <= 1080;
        boolean portrait = h > w && w >= 500 && w <= 1080 && h >= 500 && h <= 1920;
        if (!landscape && !portrait) {
            problems.add("resolution must be from 500x480 to 1920x1080 (landscape) or from 500x500 to 1080x1920"
                    + " (portrait), not " + w + "x" + h);
        }
        return new int[] {w, h};
    }

    /** The template's transcription of recordings (a {@code transcriptions} destination with mode {@code recorded}). */
    private static Destinations.Transcription recordedTranscription(Template template) {
        Destinations d = template.destinations();
        if (d == null || d.transcriptions() == null) {
            return null;
        }
        return d.transcriptions().values().stream()
                .filter(t -> t.modes() != null && t.modes().contains("recorded")).findFirst().orElse(null);
    }

    private TranscriptionSpec transcription(StartBody.TranscriptionBody body, Destinations.Transcription template) {
        boolean enabled = body != null && body.enabled() != null ? body.enabled() : template != null;
        List<String> modes = outputModes(body != null && body.outputModes() != null ? body.outputModes()
                : template != null ? template.outputModes() : null, body != null && body.outputModes() != null);
        List<String> vocabulary = vocabulary(body != null && body.customVocabulary() != null ? body.customVocabulary()
                : template != null ? template.customVocabulary() : null, body != null && body.customVocabulary() != null);
        SummarySpec summary = summary(body == null ? null : body.summary(), template == null ? null : template.summary());
        if (!enabled) {
            return new TranscriptionSpec(false, modes, vocabulary, summary, null, null);
        }
        return new TranscriptionSpec(true, modes, vocabulary, summary, Ids.objectId(), Ids.uuid());
    }

    /** Every mode when none are given; each at most once, in the order given. */
    private List<String> outputModes(List<String> given, boolean fromBody) {
        if (given == null || given.isEmpty()) {
            return OUTPUT_MODES;
        }
        Set<String> modes = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String mode = given.get(i);
            if (mode == null || !OUTPUT_MODES.contains(mode)) {
                if (fromBody) {
                    problems.add("transcription.output_modes[" + i + "] must be one of txt, srt, json");
                }
            } else {
                modes.add(mode);
            }
        }
        return modes.isEmpty() ? OUTPUT_MODES : List.copyOf(modes);
    }

    private List<String> vocabulary(List<String> given, boolean fromBody) {
        if (given == null) {
            return List.of();
        }
        if (fromBody && given.size() > MAX_VOCABULARY) {
            problems.add("transcription.custom_vocabulary must have at most " + MAX_VOCABULARY + " words");
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String word = given.get(i);
            if (word == null || word.isBlank() || word.length() > MAX_WORD) {
                if (fromBody) {
                    problems.add("transcription.custom_vocabulary[" + i + "] must be 1 to " + MAX_WORD + " characters");
                }
            } else {
                words.add(word);
            }
        }
        return words;
    }

    private SummarySpec summary(StartBody.SummaryBody body, Destinations.Summary template) {
        String at = "transcription.summary.";
        boolean enabled = body != null && body.enabled() != null ? body.enabled()
                : template != null && Boolean.TRUE.equals(template.enabled());
        String context = body != null && body.context() != null ? body.context()
                : template != null && template.context() != null ? template.context() : "";
        if (body != null && body.context() != null && context.length() > MAX_CONTEXT) {
            problems.add(at + "context must be at most " + MAX_CONTEXT + " characters");
        }
        double temperature = body != null && body.temperature() != null ? body.temperature()
                : template != null && template.temperature() != null ? template.temperature() : DEFAULT_TEMPERATURE;
        if (!(temperature >= 0.1 && temperature <= 1.0)) {
            problems.add(at + "temperature must be from 0.1 to 1.0");
        }
        List<Section> sections = new ArrayList<>();
        if (body != null && body.sections() != null) {
            if (body.sections().size() > MAX_SECTIONS) {
                problems.add(at + "sections must have at most " + MAX_SECTIONS + " sections");
            }
            for (int i = 0; i < body.sections().size(); i++) {
                StartBody.SectionBody s = body.sections().get(i);
                String where = at + "sections[" + i + "].";
                if (s == null) {
                    problems.add(at + "sections[" + i + "] must be an object");
                    continue;
                }
                if (s.title() == null || s.title().isBlank()) {
                    problems.add(where + "title is required");
                } else if (s.title().length() > MAX_TITLE) {
                    problems.add(where + "title must be at most " + MAX_TITLE + " characters");
                }
                if (s.format() == null || !SECTION_FORMATS.contains(s.format())) {
                    problems.add(where + "format must be bullets or paragraph");
                }
                sections.add(new Section(s.title(), s.format()));
            }
        } else if (template != null && template.sections() != null) {
            template.sections().forEach(s -> sections.add(new Section(s.title(), s.format())));
        }
        return new SummarySpec(enabled, context, temperature, sections.isEmpty() ? DEFAULT_SECTIONS : sections);
    }

    private static String names(List<RecordingDestination> all) {
        return String.join(", ", all.stream().map(RecordingDestination::name).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
