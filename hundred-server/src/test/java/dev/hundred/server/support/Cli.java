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
        return captured(false, 0, args);
    }

    /** The command must be refused as a usage error (exit 2); answers what it printed on standard error. */
    public static String refused(String... args) {
        return captured(true, 2, args);
    }

    /** Runs {@code args} with standard output (or error) captured; the exit code must be {@code exit}. */
    private static String captured(boolean stderr, int exit, String... args) {
        PrintStream original = stderr ? System.err : System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        if (stderr) {
            System.setErr(capture);
        } else {
            System.setOut(capture);
        }
        try {
            assertThat(Main.run(args)).as("exit code of %s", String.join(" ", args)).isEqualTo(exit);
        } finally {
            if (stderr) {
                System.setErr(original);
            } else {
                System.setOut(original);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
