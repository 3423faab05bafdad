package dev.hundred.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line parser: the rules its class comment lists, each with the error a person would see. */
class CommandTest {
    /** Surely unset on any machine, so the default applies. */
    private static final String UNSET = "HUNDRED_TEST_VARIABLE_NOBODY_SETS";

    private final List<Arguments> ran = new ArrayList<>();

    private Command program() {
        Command run = Command.of("run", "Runs.", a -> {
                    ran.add(a);
                    return 0;
                },
                Option.text("--name", "A name (default: {default}).").env(UNSET).orElse("anne"),
                Option.number("--count", "How many.").orElse("3"),
                Option.bool("--loud", "Shout.").orElse("false"),
                Option.path("--file", "A file."),
                Option.repeated("--tag", "A tag."),
                Option.text("--from-env", "From PATH.").env("PATH").orElse("unused"),
                Option.text("--secret-knob", "Only for tests.").orElse("x").hide());
        Command fail = Command.of("fail", "Fails.", a -> {
            throw new IllegalStateException("broken on purpose");
        });
        Command refuse = Command.of("refuse", "Refuses.", a -> {
            throw new UsageError("not like that");
        });
        Command mint = Command.of("mint", "Mints.", a -> {
            ran.add(a);
            return 0;
        }).withParameter("kind", "what to mint");
        return Command.group("prog", "A program.", run, fail, refuse, Command.group("group", "A group.", mint))
                .withVersion("prog 1.2");
    }

    @Test
    void options_come_from_the_line_else_the_environment_else_the_default() {
        Arguments given = program().parse("run", "--name", "bob", "--count=7", "--loud", "TRUE", "--file", "a/b.json");
        assertThat(given.command()).isEqualTo("run");
        assertThat(given.text("--name")).isEqualTo("bob");
        assertThat(given.number("--count")).isEqualTo(7);
        assertThat(given.bool("--loud")).isTrue();
        assertThat(given.path("--file")).isEqualTo(Path.of("a/b.json"));
        Arguments defaults = program().parse("run");
        assertThat(defaults.text("--name")).isEqualTo("anne");
        assertThat(defaults.number("--count")).isEqualTo(3);
        assertThat(defaults.bool("--loud")).isFalse();
        assertThat(defaults.path("--file")).isNull();
        assertThat(defaults.text("--from-env")).isEqualTo(System.getenv("PATH"));
        assertThat(defaults.all("--tag")).as("not given at all").isNull();
        assertThatThrownBy(() -> defaults.text("--nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_value_is_the_next_argument_whatever_it_looks_like() {
        Arguments a = program().parse("run", "--name", "", "--tag", "-x", "--tag", "--help", "--count", "-2");
        assertThat(a.text("--name")).isEmpty();
        assertThat(a.all("--tag")).containsExactly("-x", "--help");
        assertThat(a.number("--count")).isEqualTo(-2);
        assertThat(program().parse("group", "mint", "--", "--not-an-option").parameter(0)).isEqualTo("--not-an-option");
    }

    @Test
    void what_cannot_be_run_is_a_usage_error_that_names_the_argument() {
        Command p = program();
        assertThat(refusal(p, "run", "--count", "many")).isEqualTo("--count must be a whole number, not 'many'");
        assertThat(refusal(p, "run", "--loud", "yes")).isEqualTo("--loud must be true or false, not 'yes'");
        assertThat(refusal(p, "run", "--nope")).isEqualTo("unknown option '--nope'");
        assertThat(refusal(p, "run", "--name")).isEqualTo("--name needs a value");
        assertThat(refusal(p, "run", "--name", "a", "--name=b")).isEqualTo("--name is given more than once");
        assertThat(refusal(p, "run", "stray")).isEqualTo("unexpected argument 'stray'");
        assertThat(refusal(p, "group", "mint")).isEqualTo("<kind> is missing (what to mint)");
        assertThat(refusal(p, "group")).isEqualTo("a command is needed: mint");
        assertThat(refusal(p, "walk")).isEqualTo("unknown command 'walk' (commands: run, fail, refuse, group)");
        assertThat(refusal(p, "--walk")).isEqualTo("unknown option '--walk' (commands: run, fail, refuse, group)");
    }

    @Test
    void execute_answers_0_for_help_and_runs_2_for_usage_errors_and_1_for_failures() {
        Run help = execute("run", "--count", "1", "--help");
        assertThat(help.exit).isZero();
        assertThat(ran).as("help runs nothing").isEmpty();
        assertThat(help.out).startsWith("Usage: prog run [options]\nRuns.\n")
                .contains("--name <value>", "A name (default: anne). [" + UNSET + "]", "--loud true|false", "-h, --help")
                .doesNotContain("--secret-knob", "--version");
        Run top = execute("--help");
        assertThat(top.out).contains("Usage: prog <command> [options]", "run", "group", "-V, --version",
                "'prog <command> --help'");
        assertThat(execute("group", "-h").out).contains("mint", "Mints.");
        assertThat(execute("group", "mint", "--help").out).contains("Usage: prog group mint [options] <kind>", "what to mint");
        assertThat(execute("--version").out.trim()).isEqualTo("prog 1.2");

        Run ok = execute("run", "--tag", "a", "--tag", "b");
        assertThat(ok.exit).isZero();
        assertThat(ran).singleElement().satisfies(a -> assertThat(a.all("--tag")).containsExactly("a", "b"));

        Run usage = execute("run", "--count", "x");
        assertThat(usage.exit).isEqualTo(2);
        assertThat(usage.err).contains("prog run: --count must be a whole number, not 'x'", "'prog run --help'");
        assertThat(execute("refuse").exit).as("a usage error from the action").isEqualTo(2);
        Run failed = execute("fail");
        assertThat(failed.exit).isEqualTo(1);
        assertThat(failed.err).contains("prog fail failed: java.lang.IllegalStateException: broken on purpose", "\tat ");
    }

    private static String refusal(Command program, String... args) {
        try {
            program.parse(args);
        } catch (UsageError e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + String.join(" ", args));
    }

    private record Run(int exit, String out, String err) {}

    private Run execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = program().execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
