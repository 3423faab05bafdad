package dev.hundred.server.http;

import java.util.ArrayList;
import java.util.List;

/** The 100ms error shape; {@code details} is always an array (decisions.md, Wire format). */
public record ErrorBody(int code, String message, List<String> details) {

    /** The same error with one more line of details at the end. */
    public ErrorBody withDetail(String detail) {
        List<String> more = new ArrayList<>(details);
        more.add(detail);
        return new ErrorBody(code, message, List.copyOf(more));
    }
}
