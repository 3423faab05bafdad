package dev.hundred.server.media;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The chat recording of a session, a {@code chat} asset, in the file structure the 100ms docs give
 * (get-started/.../recordings/chat-recording.mdx):
 * <pre>SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message</pre>
 * Only broadcast and role messages are recorded; direct messages are not. {@code Roles} is {@code []}
 * for a broadcast. {@code SentAt} is RFC 3339 in UTC. Rows are in the order messages were sent.
 *
 * <p>Two choices the docs leave open: a role message's {@code Roles} is written as Go prints a string
 * slice, {@code [host guest]} (the docs show only {@code []}, which is also what Go prints for an empty
 * one); and {@code SentAt} carries fractional seconds, trailing zeros trimmed, as the REST API's
 * timestamps do. Quoting and line ends follow RFC 4180 (CRLF; a field with a comma, quote, CR or LF is
 * quoted, quotes doubled). The text is UTF-8 without a byte-order mark.
 */
public final class ChatCsv {
    public static final String HEADER = "SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message";

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * One message sent in the session.
     *
     * @param sentAt when it was sent
     * @param senderPeerId the sender's peer id
     * @param senderName the sender's name
     * @param senderUserId the sender's user id ({@code ""} if none)
     * @param senderRole the sender's role; not a column of the documented file, carried so callers can
     *     pass their stored message as it is
     * @param recipientPeerId the peer a direct message went to, or null or {@code ""} if it was not direct
     * @param recipientRoles the roles a role message went to; empty for a broadcast
     * @param type the message type, {@code "chat"} unless the sender set another
     * @param message the text
     */
    public record Message(Instant sentAt, String senderPeerId, String senderName, String senderUserId,
            String senderRole, String recipientPeerId, List<String> recipientRoles, String type, String message) {
        public Message {
            Objects.requireNonNull(sentAt, "sentAt");
            recipientRoles = recipientRoles == null ? List.of() : List.copyOf(recipientRoles);
        }

        boolean direct() {
            return recipientPeerId != null && !recipientPeerId.isEmpty();
        }
    }

    private ChatCsv() {}

    /** The CSV text: header, then one row per recorded message, sorted by {@code sentAt} (stable). */
    public static String csv(List<Message> messages) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        messages.stream()
                .filter(m -> !m.direct())
                .sorted(Comparator.comparing(Message::sentAt))
                .forEach(m -> out
                        .append(field(m.senderPeerId())).append(',')
                        .append(field(m.senderName())).append(',')
                        .append(field(m.senderUserId())).append(',')
                        .append(field("[" + String.join(" ", m.recipientRoles()) + "]")).append(',')
                        .append(field(rfc3339(m.sentAt()))).append(',')
                        .append(field(m.type())).append(',')
                        .append(field(m.message())).append("\r\n"));
        return out.toString();
    }

    /** {@link #csv} as UTF-8 bytes, what the asset file holds. */
    public static byte[] bytes(List<Message> messages) {
        return csv(messages).getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** RFC 3339 in UTC with the fraction's trailing zeros trimmed, e.g. 2024-05-01T10:00:00.25Z. */
    private static String rfc3339(Instant at) {
        String base = SECONDS.format(at);
        if (at.getNano() == 0) {
            return base + "Z";
        }
        String fraction = String.format(Locale.ROOT, "%09d", at.getNano()).replaceFirst("0+$", "");
        return base + "." + fraction + "Z";
    }
}
