package dev.hundred.server.analytics;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * An analytics event exactly as 100ms shows it (spec §13.1): {@code version} "2.0", a UUID {@code id},
 * the {@code timestamp} of the change, the {@code type} and its {@code data} (stored JSON, written as is).
 */
public record AnalyticsEvent(String version, String id, Instant timestamp, String type, @JsonRawValue String data) {
    static final String VERSION = "2.0";
}
