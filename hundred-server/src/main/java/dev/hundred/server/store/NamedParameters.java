package dev.hundred.server.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * JDBI's {@code :name} parameters, read by hand: the same statements as JDBI's own colon parser makes (its lexer
 * rules: quoted text, double-quoted names and comments are copied as they are, {@code ::} and {@code :=} are not
 * parameters, a backslash escapes the next character, {@code ?} is a positional parameter), without the ANTLR
 * lexer behind it. That lexer, interpreted and then compiled while the first statements ran, was a tenth of a start's
 * CPU on JDK 17; NamedParametersTest holds the two parsers to the same answers.
 */
final class NamedParameters implements SqlParser {
    /** Our statements are constants, and a few shapes of each list: more than this means something builds SQL from values. */
    private static final int CACHED = 2_000;

    private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql known = parsed.get(sql);
        if (known != null) {
            return known;
        }
        ParsedSql made = parse(sql);
        if (parsed.size() < CACHED) {
            parsed.put(sql, made);
        }
        return made;
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return ":" + rawName;
    }

    static ParsedSql parse(String sql) {
        ParsedSql.Builder out = ParsedSql.builder();
        StringBuilder text = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int verbatim = verbatimEnd(sql, i);
            if (verbatim > i) {
                text.append(sql, i, verbatim);
                i = verbatim;
            } else if (c == '\\' && i + 1 < n) {
                text.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == ':' && i + 1 < n && (sql.charAt(i + 1) == ':' || sql.charAt(i + 1) == '=')) {
                text.append(sql, i, i + 2);
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameChar(sql, i + 1)) {
                int end = i + 1;
                while (end < n && isNameChar(sql, end)) {
                    end += sql.charAt(end) == '?' ? 2 : 1;
                }
                flush(out, text);
                out.appendNamedParameter(sql.substring(i + 1, end));
                i = end;
            } else if (c == '?' && i + 1 < n && sql.charAt(i + 1) == '?') {
                text.append("??");
                i += 2;
            } else if (c == '?') {
                flush(out, text);
                out.appendPositionalParameter();
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(out, text);
        return out.build();
    }

    /**
     * Where text copied as it is ends when it opens at {@code start} (after its closing quote or comment mark): quoted
     * text ({@code '...'}, where a backslash escapes a quote), a double-quoted name, a comment. {@code start} itself
     * when none opens there. Both readers of statements, this one and {@link DefinedAttributes}, leave these alone.
     */
    static int verbatimEnd(String sql, int start) {
        char c = sql.charAt(start);
        if (c == '\'' || c == '"') {
            return closing(sql, start, c);
        }
        if (c == '/' && start + 1 < sql.length() && sql.charAt(start + 1) == '*') {
            int end = sql.indexOf("*/", start + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return start;
    }

    /** Where quoted text that opens at {@code start} ends (after its closing quote); a backslash escapes a quote. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (quote == '\'' && c == '\\' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** A parameter name's characters: letters, digits, _, . and the null-safe ?. of JDBI's names. */
    private static boolean isNameChar(String sql, int i) {
        char c = sql.charAt(i);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || (c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '.');
    }

    private static void flush(ParsedSql.Builder out, StringBuilder text) {
        if (text.length() > 0) {
            out.append(text.toString());
            text.setLength(0);
        }
    }
}
