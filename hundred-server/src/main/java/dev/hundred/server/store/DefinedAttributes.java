package dev.hundred.server.store;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;

/**
 * JDBI's {@code <name>} attributes (what {@code bindList} fills in), read by hand, as JDBI's default template engine
 * reads them but without its ANTLR lexer (see {@link NamedParameters}): a statement without {@code <} or a backslash
 * is its own text; otherwise quoted text and comments are copied, a backslash escapes the next character, and
 * {@code <name>} becomes the attribute's value (an error when it is not defined). JDBI keeps what this answers per
 * statement text, so each is read once.
 */
final class DefinedAttributes implements TemplateEngine.Parsing {
    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        if (template.indexOf('<') < 0 && template.indexOf('\\') < 0) {
            return Optional.of(ctx -> template);
        }
        return Optional.of(ctx -> render(template, ctx::getAttribute));
    }

    static String render(String template, Function<String, Object> attributes) {
        StringBuilder out = new StringBuilder(template.length());
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            int verbatim = NamedParameters.verbatimEnd(template, i);
            if (verbatim > i) {
                out.append(template, i, verbatim);
                i = verbatim;
            } else if (c == '\\' && i + 1 < n) {
                out.append(template.charAt(i + 1));
                i += 2;
            } else if (c == '<' && nameEnd(template, i + 1) > i + 1 && nameEnd(template, i + 1) < n
                    && template.charAt(nameEnd(template, i + 1)) == '>') {
                int end = nameEnd(template, i + 1);
                String name = template.substring(i + 1, end);
                Object value = attributes.apply(name);
                if (value == null) {
                    throw new UnableToCreateStatementException("Undefined attribute for token '<" + name + ">'");
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
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
