package dev.hundred.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A workspace's webhook: where every room without a webhook of its own reports, the custom headers sent
 * with each delivery, and (Hundred's extension, decisions.md) the secret that signs deliveries.
 * Also the body and answer of {@code POST /emulator/v1/webhook}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSettings(String url, Map<String, String> headers, String signingSecret) {}
