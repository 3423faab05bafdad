package dev.hundred.server.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * One /v2 request as the journal shows it ({@code GET /emulator/v1/requests}). {@code time} is when it
 * arrived (server clock), {@code query} the query string as sent ("" for none; credential-looking
 * parameters' values redacted), {@code headers} every header but credential-looking ones (several values
 * of one name joined with ", "), {@code body} the body as UTF-8 text, at most {@link RequestJournal#MAX_BODY}
 * bytes of it ({@code body_truncated} says whether there was more), {@code fault} the id of the fault rule
 * that answered or delayed it ({@code X-Hundred-Fault} when the request asked itself), else null.
 */
public record JournalEntry(Instant time, String method, String path, String query, Map<String, String> headers,
                           String body, boolean bodyTruncated, int status, long durationMs, String fault) {

    /** About what it holds in memory, for the node-wide budget: the JVM's two bytes a character and some. */
    long weight() {
        long chars = path.length() + query.length() + body.length();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            chars += header.getKey().length() + header.getValue().length() + 16;
        }
        return 2 * chars + 256;
    }
}
