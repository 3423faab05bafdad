package dev.hundred.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

    /**
     * The same text {@code Json.write(this)} gives, written field by field through the mapper's own generator
     * (same escaping, same settings). The mapper's way first builds a serializer for this record and its list
     * by introspection, about a tenth of the first request's CPU at start (a 404 is often the first answer).
     */
    public String toJson() {
        StringWriter out = new StringWriter(64 + 32 * (details == null ? 0 : details.size()));
        try (JsonGenerator gen = Json.MAPPER.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberField("code", code);
            gen.writeStringField("message", message);
            if (details == null) {
                gen.writeNullField("details");
            } else {
                gen.writeArrayFieldStart("details");
                for (String detail : details) {
                    gen.writeString(detail);
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
