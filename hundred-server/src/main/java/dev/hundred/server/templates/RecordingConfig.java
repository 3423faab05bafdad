package dev.hundred.server.templates;

/**
 * One recording configuration of a template (spec §5.8). Responses leave out false booleans
 * ({@code "trackRecording": {}}), so {@link TemplateDefaults#recording} turns false into unset.
 */
@CamelCase
public record RecordingConfig(
        String name,
        String role,
        Integer maxDuration,
        Integer presignDuration,
        Destinations.Thumbnails thumbnails,
        CompositeRecording compositeRecording,
        Toggle trackRecording,
        StreamRecording streamRecording) {

    RecordingConfig withRole(String newRole) {
        return new RecordingConfig(name, newRole, maxDuration, presignDuration, thumbnails, compositeRecording,
                trackRecording, streamRecording);
    }

    @CamelCase
    public record CompositeRecording(BrowserComposite browserComposite, Toggle customComposite) {}

    @CamelCase
    public record BrowserComposite(Boolean autoStart, Integer autoStopTimeout, Integer width, Integer height) {}

    @CamelCase
    public record Toggle(Boolean enabled) {}

    @CamelCase
    public record StreamRecording(Boolean enabled, Integer width, Integer height) {}
}
