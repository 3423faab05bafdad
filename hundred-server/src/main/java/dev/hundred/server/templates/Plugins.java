package dev.hundred.server.templates;

import java.util.List;

/** Template plugins (spec §5.12): who may use the whiteboard, and live captions. */
@CamelCase
public record Plugins(Whiteboard whiteboard, TranscriptionPlugin transcriptions) {

    static final Plugins NONE = new Plugins(null, null);

    @CamelCase
    public record Whiteboard(WhiteboardPermissions permissions) {}

    /** Role names per access level. */
    @CamelCase
    public record WhiteboardPermissions(List<String> admin, List<String> writer, List<String> reader) {}

    /** {@code mode} accepts only {@code caption}. */
    @CamelCase
    public record TranscriptionPlugin(AdminPermissions permissions, String mode) {}

    @CamelCase
    public record AdminPermissions(List<String> admin) {}
}
