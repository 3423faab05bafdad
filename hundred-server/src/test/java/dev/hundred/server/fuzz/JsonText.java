package dev.hundred.server.fuzz;

/**
 * JSON string literals written by hand: every char outside printable ASCII as a {@code \\uXXXX} escape, so a
 * lone surrogate or a NUL goes out exactly as the generator chose it (a JSON library would refuse or replace it).
 */
final class JsonText {
    private JsonText() {}

    static String string(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
