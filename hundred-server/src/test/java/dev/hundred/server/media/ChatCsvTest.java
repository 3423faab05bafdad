package dev.hundred.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.media.ChatCsv.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat recording's documented columns, RFC 4180 quoting, and which messages are recorded. */
class ChatCsvTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void the_file_has_the_documented_header_and_one_row_per_message() {
        String csv = ChatCsv.csv(List.of(
                new Message(T, "peer-1", "Ann", "user-1", "host", null, List.of(), "chat", "hello")));

        assertThat(csv).isEqualTo("SenderPeerID,SenderName,SenderUserID,Roles,SentAt,Type,Message\r\n"
                + "peer-1,Ann,user-1,[],2024-05-01T10:00:00Z,chat,hello\r\n");
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted() {
        String csv = ChatCsv.csv(List.of(new Message(T.plusMillis(250), "p", "Ann, \"A\"", "", "host", "",
                List.of(), "chat", "line one\nline two, \"quoted\"\r\nend")));

        assertThat(csv).endsWith("p,\"Ann, \"\"A\"\"\",,[],2024-05-01T10:00:00.25Z,chat,"
                + "\"line one\nline two, \"\"quoted\"\"\r\nend\"\r\n");
        List<List<String>> rows = parse(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("p", "Ann, \"A\"", "", "[]", "2024-05-01T10:00:00.25Z", "chat",
                "line one\nline two, \"quoted\"\r\nend");
    }

    @Test
    void role_messages_list_their_roles_and_direct_messages_are_not_recorded() {
        String csv = ChatCsv.csv(List.of(
                new Message(T.plusSeconds(2), "p2", "Bob", "u2", "guest", "p1", List.of(), "chat", "psst"),
                new Message(T.plusSeconds(1), "p1", "Ann", "u1", "host", null, List.of("host", "guest"), "chat", "roles"),
                new Message(T, "p1", "Ann", "u1", "host", null, null, "poll", "first")));

        assertThat(parse(csv)).extracting(r -> r.get(3) + " " + r.get(5) + " " + r.get(6)).containsExactly(
                "Roles Type Message", "[] poll first", "[host guest] chat roles");
    }

    @Test
    void the_bytes_are_utf8_without_a_byte_order_mark() {
        byte[] bytes = ChatCsv.bytes(List.of(new Message(T, "p", "Zoë", "", "host", null, List.of(), "chat", "☃")));

        assertThat(bytes[0]).isEqualTo((byte) 'S');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("p,Zoë,,[],", ",chat,☃\r\n");
    }

    /** An RFC 4180 reader: quoted fields may hold commas, CRLF and doubled quotes; records end in CRLF. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare line break outside quotes").isNotIn('\r', '\n');
                field.append(c);
            }
        }
        assertThat(row).as("last record ends with CRLF").isEmpty();
        return rows;
    }
}
