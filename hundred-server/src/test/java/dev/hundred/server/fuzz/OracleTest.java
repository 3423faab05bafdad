package dev.hundred.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz's oracle bites: each answer it must refuse, it refuses (and a good one passes). */
class OracleTest {
    private static final FuzzRequest GET = new FuzzRequest(0, "t", "GET", "/v2/rooms", List.of(), null, null, false, true, true);
    private static final FuzzRequest HEAD = GET.as("HEAD");

    private static String problem(FuzzRequest q, String answer) {
        return Oracle.problem(q, RawHttp.parse(answer.getBytes(StandardCharsets.ISO_8859_1), q.head()));
    }

    private static String json(int status, String body) {
        return "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void a_good_error_and_a_json_page_pass() {
        assertThat(problem(GET, json(404, "{\"code\":404,\"message\":\"Room not found\",\"details\":[]}"))).isNull();
        assertThat(problem(GET, json(200, "{\"limit\":10,\"data\":null,\"last\":\"\"}"))).isNull();
        assertThat(problem(HEAD, "HTTP/1.1 404 X\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n")).isNull();
        assertThat(problem(GET, "HTTP/1.1 100 Continue\r\n\r\n" + json(400, "{\"code\":400,\"message\":\"m\",\"details\":[\"d\"]}")))
                .isNull();
    }

    @Test
    void a_5xx_an_error_out_of_shape_a_2xx_not_json_or_no_answer_fail() {
        assertThat(problem(GET, json(500, "{\"code\":500,\"message\":\"Internal server error\",\"details\":[]}"))).contains("500");
        assertThat(problem(GET, "HTTP/1.1 400 X\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\n<h1>")).contains("text/html");
        assertThat(problem(GET, json(400, "{\"code\":400,\"message\":\"m\"}"))).contains("fields");
        assertThat(problem(GET, json(400, "{\"code\":404,\"message\":\"m\",\"details\":[]}"))).contains("not its status");
        assertThat(problem(GET, json(400, "{\"code\":400,\"message\":\"\",\"details\":[]}"))).contains("message");
        assertThat(problem(GET, json(400, "{\"code\":400,\"message\":\"m\",\"details\":[1]}"))).contains("detail");
        assertThat(problem(GET, json(400, "{\"code\":400,\"message\":\"m\",\"details\":\"d\"}"))).contains("array");
        assertThat(problem(GET, json(400, ""))).contains("not a JSON object");
        assertThat(problem(GET, json(200, "{\"limit\":"))).contains("not JSON");
        assertThat(problem(GET, "HTTP/1.1 204 X\r\n\r\n")).isNull();
        assertThat(problem(GET, "")).contains("no answer");
        assertThat(problem(GET, "HTTP/1.1 101 Switching Protocols\r\n\r\n")).contains("interim");
    }
}
