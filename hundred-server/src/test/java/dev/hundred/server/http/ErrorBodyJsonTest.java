package dev.hundred.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An error body written by hand is the text the mapper writes for it, whatever its strings hold. */
class ErrorBodyJsonTest {

    private static void sameAsMapper(ErrorBody body) {
        assertThat(body.toJson()).isEqualTo(Json.write(body));
    }

    @Test
    void plain_bodies_read_as_the_mapper_writes_them() {
        sameAsMapper(new ErrorBody(404, "Not found", List.of("no endpoint GET /")));
        sameAsMapper(new ErrorBody(400, "Invalid body param", List.of()));
        sameAsMapper(new ErrorBody(500, "Internal server error", List.of("request_id: 1", "two", "three")));
    }

    @Test
    void quotes_escapes_control_characters_and_non_ascii_are_escaped_as_the_mapper_does() {
        String hostile = "\"quoted\" back\\slash /slash \n\r\t\b\f \u0000\u0001\u001f \u007f é ☃ \uD83D\uDE00 \uD800 \u2028";
        sameAsMapper(new ErrorBody(400, hostile, List.of(hostile, "</script>")));
    }

    @Test
    void nulls_are_written_as_the_mapper_writes_them() {
        sameAsMapper(new ErrorBody(502, null, List.of()));
        sameAsMapper(new ErrorBody(502, "Bad gateway", null));
        sameAsMapper(new ErrorBody(502, "Bad gateway", Arrays.asList("one", null)));
    }
}
