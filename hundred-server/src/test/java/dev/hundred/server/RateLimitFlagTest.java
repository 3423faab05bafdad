package dev.hundred.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code serve --rate-limit}: off by default, N/s (or /m, /h) taken, anything else refused before the server starts. */
class RateLimitFlagTest {

    @Test
    void the_flag_is_off_by_default_and_takes_n_per_second() {
        assertThat(Main.parse("serve", "--rate-limit", "5/s").text("--rate-limit")).isEqualTo("5/s");
        String fallback = Main.parse("serve").text("--rate-limit");
        assertThat(fallback).isEqualTo(System.getenv().getOrDefault("HUNDRED_RATE_LIMIT", "off"));
        assertThat(dev.hundred.server.guard.RateLimit.parse("off")).as("off means no limit").isNull();
    }

    @Test
    void a_value_that_is_not_a_rate_is_refused_with_the_flag_named() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("serve", "--port", "0", "--db", "mem", "--rate-limit", "5/d");
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--rate-limit must look like 10/s, 600/m or 1000/h");
    }
}
