package dev.hundred.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;

/**
 * JDBI's {@code <name>} attributes (what {@code bindList} fills in), read by hand, as JDBI's default template engine
 * reads them but without its ANTLR lexer (see {@link NamedParameters}): quoted text and comments are copied, a
 * backslash escapes the next character, and {@code <name>} becomes the attribute's value (an error when it is not
 * defined). A statement is read once, when JDBI first meets its text (JDBI keeps what this answers); each run then
 * only joins its pieces, and a statement without attributes is its text.
 */
final class DefinedAttributes implements TemplateEngine.Parsing {
    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        List<String> pieces = pieces(template);
        if (pieces.size() == 1) {
            String text = pieces.get(0);
            return Optional.of(ctx -> text);
        }
        return Optional.of(ctx -> render(pieces, ctx::getAttribute));
    }

    /** The template cut at its attributes: text, an attribute's name, text, ... (names at odd places). */
    static List<String> pieces(String template) {
        if (template.indexOf('<') < 0 && template.indexOf('\\') < 0) {
            return List.of(template);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder(template.length());
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            int verbatim = NamedParameters.verbatimEnd(template, i);
            int name = c == '<' ? nameEnd(template, i + 1) : i;
            if (verbatim > i) {
                text.append(template, i, verbatim);
                i = verbatim;
            } else if (c == '\\' && i + 1 < n) {
                text.append(template.charAt(i + 1));
                i += 2;
            } else if (name > i + 1 && name < n && template.charAt(name) == '>') {
                pieces.add(text.toString());
                text.setLength(0);
                pieces.add(template.substring(i + 1, name));
                i = name + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        pieces.add(text.toString());
        return List.copyOf(pieces);
    }

    private static String render(List<String> pieces, Function<String, Object> attributes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i % 2 == 0) {
                out.append(pieces.get(i));
                continue;
            }
            Object value = attributes.apply(pieces.get(i));
            if (value == null) {
                throw new UnableToCreateStatementException("Undefined attribute for token '<" + pieces.get(i) + ">'");
            }
            out.append(value);
        }
        return out.toString();
    }

    /** Where the run of name characters (letters, digits, _) that starts at {@code from} ends. */
    private static int nameEnd(String template, int from) {
        int i = from;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                break;
            }
            i++;
        }
        return i;
    }
}
