package dev.hundred.server.fuzz;

import java.util.List;

/** The hostile values the generator draws from, as they go on the wire (path and query) or into JSON. */
final class Hostile {
    private Hostile() {}

    /** Path segments, already as sent: invalid escapes, encoded NUL, bad UTF-8, dot segments, over-long. */
    static final List<String> SEGMENTS = List.of("%zz", "%u0041", "%", "%2", "%00", "abc%00def", "%2F", "..", "%2e%2e", ".",
            "a%20b", "%C3%28", "%F0%9F%98%80", "%ED%A0%80", "%EF%BF%BF", "x".repeat(300), "y".repeat(5000), "%E2%80%AE",
            "null", "-1", "0", "%0D%0A", "+", "*", "%2A", "ABCDEF0123456789ABCDEF01", "0123456789abcdef012345678", ";x",
            "%3B", "~", "%3Cscript%3E", "\u00e9", "%C3%A9", "%25", "%%", "%FF", "a b", "\t", "%09", "%7F", "%C0%AF",
            "z".repeat(9000));

    /** Query values, already as sent. */
    static final List<String> QUERY_VALUES = List.of("-1", "0", "5", "101", "2147483648", "99999999999999999999", "1e3", "abc",
            "", "%zz", "%u0041", "%00", "a%00b", "%2B999999999-12-31T23:59:59Z", "0000-12-31T23:59:59Z",
            "9999-12-31T23:59:59.999999999Z", "2024-02-30T00:00:00Z", "2024-01-01T00:00:00Z", "1700000000", "TRUE", "yes",
            "true", "false", "%F0%9F%98%80", "%C3%28", "q".repeat(5000), "%0A", "a%26b%3Dc", "+", "NaN", "Infinity", "0x10",
            "%2010%20", "-9223372036854775809", "1.5", "%2D1", "peer.join.success", "completed", "running", "all", "failed",
            "GET", "/v2/rooms", "%E2%80%AE", "\u00ff");

    /** wait_seconds values that never make the inbox wait (a real wait would hold a thread for up to 60 s). */
    static final List<String> WAITS = List.of("-1", "abc", "61", "1e999", "NaN", "0", "", "%00", "99999999999999999999", "0.0");

    /** JSON string values (the generator escapes them itself, so a lone surrogate goes out as \ud800). */
    static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u001f", "\t\n\r", "\u00e9", "\uD83D\uDE00",
            "\uD800", "\uDFFF", "<script>alert(1)</script>", "'; DROP TABLE rooms; --", "../../etc/passwd", "%s%n%x",
            "${jndi:ldap://127.0.0.1:9/a}", "\u202e", "\uFEFF", "NaN", "null", "true", "0", "-1", "host", "guest",
            "2024-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2024-13-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "-000001-01-01T00:00:00Z", "1700000000", "http://127.0.0.1:9/hook", "https://",
            "ftp://x", "http://[::1]:9/", "http://user:pass@127.0.0.1:9/", "javascript:alert(1)", "rtmp://127.0.0.1:9/live",
            "audio", "video", "screen", "text", "single-choice", "quiz", "poll", "auto", "manual", "in", "us", "eu",
            "composite", "room-composite", "hls", "%zz", "a".repeat(256), "b".repeat(1025), "c".repeat(4097),
            "http://127.0.0.1:9/" + "p".repeat(5000));

    /** Number literals, written as they are. */
    static final List<String> NUMBERS = List.of("0", "-1", "1", "2", "10", "100", "2147483647", "2147483648", "-2147483649",
            "9223372036854775808", "1e400", "1.5", "-0", "1e-400", "20000", "43200", "99999999999999999999999", "0.0", "1E2",
            "-1.0e308", "3");

    /** Bodies that are not JSON, or not an object. */
    static final List<String> MALFORMED = List.of("{", "{\"name\":", "{\"a\":1,}", "{'a':1}", "[1,2", "{\"a\":1} trailing",
            "{\"a\":\"\\uZZZZ\"}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":1e999999}", "tru", "{\"a\" 1}", "{\"\\ud800\":1}",
            "/*c*/{}", "{\"a\":1}{\"b\":2}", "{\"a\":\"\u0000\"}", "{\"a\":\"x\ny\"}", "\uFEFF{}", "{\"a\":1", "}", ",",
            "[]", "[{}]", "\"text\"", "5", "true", "1e400", "-0", "{\"a\":1,\"a\":2}", "{\"\":{}}");

    /** Raw byte sequences placed inside a JSON string: invalid UTF-8. */
    static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80});

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json; charset=ISO-8859-1",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "\u00ff;;;", "application/xml",
            "application/json; charset=nonsense", "");

    static final List<String> FAULT_HEADERS = List.of("status=abc", "delay_ms=abc", ";;;", "status=", "x".repeat(500),
            "status=700", "delay_ms=-5", "probability=2");

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO",
            "get", "PROPFIND");
}
