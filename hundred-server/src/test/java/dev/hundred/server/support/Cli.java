package dev.hundred.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a one-shot command of the CLI in this JVM (token, workspace, export) and answers what it printed. */
public final class Cli {
    private Cli() {}

    /** The command must exit 0. */
    public static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            assertThat(exit).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The command must be refused as a usage error (exit 2); answers what it printed on standard error. */
    public static String refused(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            assertThat(exit).as("exit code of %s", String.join(" ", args)).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
