package dev.hundred.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --rate-limit}: off by default, N/s (or /m, /h) taken, anything else refused before the server starts. */
class RateLimitFlagTest {

    @Test
    void the_flag_is_off_by_default_and_takes_n_per_second() {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs("serve", "--rate-limit", "5/s");
        assertThat(parsed.subcommand().matchedOptionValue("--rate-limit", "")).isEqualTo("5/s");
        CommandLine serve = Main.commandLine().getSubcommands().get("serve");
        String fallback = serve.getCommandSpec().findOption("--rate-limit").defaultValue();
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
            exit = Main.commandLine().execute("serve", "--port", "0", "--db", "mem", "--rate-limit", "5/d");
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--rate-limit must look like 10/s, 600/m or 1000/h");
    }
}
