package dev.hundred.server.webhooks;

import java.util.Map;

/**
 * The workspace webhook as the emulator answers it: the signing secret is never shown again once set
 * (it would leak into logs and journals), only whether deliveries are {@code signed}.
 */
record WebhookSettingsView(String url, Map<String, String> headers, boolean signed) {
    static WebhookSettingsView of(WebhookSettings s) {
        return new WebhookSettingsView(s.url(), s.headers(), s.signingSecret() != null);
    }
}
