package dev.hundred.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Query strings are percent-encoded UTF-8, whatever charset a request's Content-Type names (the cloud's Go
 * server reads them so). Javalin decodes the query with the charset it finds in {@code getHeader("Content-Type")}:
 * an unknown one made every query parameter vanish (filters, limits and the NUL check skipped), ISO-8859-1
 * misread every non-ASCII escape. This filter shows Javalin that header with {@code charset=utf-8}; the
 * header as sent stays visible through {@code getHeaders} and {@code getContentType} (the request journal's
 * view). Bodies are read as bytes and are UTF-8 JSON either way.
 */
final class Utf8Query implements Filter {
    private static final Pattern CHARSET = Pattern.compile("(?i)(;\\s*charset\\s*=)[^;]*");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String type = http.getHeader("Content-Type");
        chain.doFilter(type != null && CHARSET.matcher(type).find() ? new Utf8(http) : request, response);
    }

    private static final class Utf8 extends HttpServletRequestWrapper {
        Utf8(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            return "Content-Type".equalsIgnoreCase(name) && value != null
                    ? CHARSET.matcher(value).replaceAll("$1utf-8") : value;
        }
    }
}
