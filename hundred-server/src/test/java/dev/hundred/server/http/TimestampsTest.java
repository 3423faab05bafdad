package dev.hundred.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Timestamps print as Go's RFC3339Nano: UTC, fraction with trailing zeros trimmed (spec §1.6). */
class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2022-09-08T15:07:37.830Z, 2022-09-08T15:07:37.83Z",
            "2023-03-22T04:24:10Z, 2023-03-22T04:24:10Z",
            "2023-03-22T04:24:10.000000000Z, 2023-03-22T04:24:10Z",
            "2023-03-30T05:14:04.007990308Z, 2023-03-30T05:14:04.007990308Z",
            "2023-03-30T05:14:04.000000001Z, 2023-03-30T05:14:04.000000001Z",
            "2023-03-30T05:14:04.100Z, 2023-03-30T05:14:04.1Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z, 1969-12-31T23:59:59.5Z"})
    void formats_like_go_rfc3339nano(String instant, String expected) {
        assertThat(Timestamps.format(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void parses_any_rfc3339_offset_and_refuses_other_text() {
        assertThat(Timestamps.parse("2024-01-01T02:00:00+02:00")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(Timestamps.parse("2024-01-01T00:00:00.5Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00.500Z"));
        assertThatThrownBy(() -> Timestamps.parse("2024-01-01")).isInstanceOf(DateTimeParseException.class);
    }
}
