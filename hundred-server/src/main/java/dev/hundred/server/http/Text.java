package dev.hundred.server.http;

/**
 * Checks on free text a client sends. A NUL is refused because PostgreSQL cannot store it in text (H2 can:
 * the same input must get the same 400 on both, decisions.md); other control characters where a field is a
 * single line (a name, a phone number, a SIP header).
 */
public final class Text {
    private Text() {}

    public static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** Any C0 control character (line breaks, tabs, NUL) or DEL. */
    public static boolean hasControlCharacters(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
