package dev.hundred.server.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The settings in a {@link Snapshot}: the emulator's sections as {@code GET /emulator/v1/settings} shows
 * them, and the workspace webhook without its signing secret ({@code signed} only says whether it has one,
 * as {@code GET /emulator/v1/webhook} does); null when none is set.
 */
@JsonPropertyOrder({"emulator", "webhook"})
public record SettingsEntry(ObjectNode emulator, Webhook webhook) {

    @JsonPropertyOrder({"url", "headers", "signed"})
    public record Webhook(String url, Map<String, String> headers, Boolean signed) {}
}
