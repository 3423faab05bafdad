package dev.hundred.server.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command of the program, or a group of them: its options, positional parameters and action, and the --help
 * text made from them. Our own and small because a general parser was a fifth of a cold start (it reflects over
 * annotations, converts with proxies and, built for Java 5, could not be kept in the JDK's start-up cache).
 *
 * <p>The rules: {@code --name value} and {@code --name=value}; a value is the next argument whatever it looks like
 * (an empty one too); an option not repeatable may be given once; {@code -h}/{@code --help} anywhere shows the help of
 * the command reached so far; {@code --} ends the options.
 */
public final class Command {
    /** What a command does once its arguments are checked: the process's exit code. */
    @FunctionalInterface
    public interface Action {
        int run(Arguments arguments) throws Exception;
    }

    /** A positional parameter: its name in the help and what it is. */
    private record Parameter(String name, String help) {}

    private final String name;
    private final String description;
    private final List<Option> options;
    private final List<Parameter> parameters;
    private final List<Command> subcommands;
    private final Action action;
    private final String version;

    private Command(String name, String description, List<Option> options, List<Parameter> parameters,
                    List<Command> subcommands, Action action, String version) {
        this.name = name;
        this.description = description;
        this.options = List.copyOf(options);
        this.parameters = List.copyOf(parameters);
        this.subcommands = List.copyOf(subcommands);
        this.action = action;
        this.version = version;
    }

    /** A command that runs {@code action} with its {@code options}. */
    public static Command of(String name, String description, Action action, Option... options) {
        return new Command(name, description, List.of(options), List.of(), List.of(), action, null);
    }

    /** A command that only names its subcommands (its first argument picks one). */
    public static Command group(String name, String description, Command... subcommands) {
        return new Command(name, description, List.of(), List.of(), List.of(subcommands), null, null);
    }

    /** With a required positional parameter after the ones it has. */
    public Command withParameter(String parameter, String help) {
        List<Parameter> more = new ArrayList<>(parameters);
        more.add(new Parameter(parameter, help));
        return new Command(name, description, options, more, subcommands, action, version);
    }

    /** With {@code -V}/{@code --version} printing {@code text} (the program's top level). */
    public Command withVersion(String text) {
        return new Command(name, description, options, parameters, subcommands, action, text);
    }

    public String name() {
        return name;
    }

    /** The subcommands' names, in the order the help lists them. */
    public List<String> subcommandNames() {
        return subcommands.stream().map(Command::name).toList();
    }

    /**
     * Runs {@code args}: help and version go to {@code out} (exit 0), a usage error to {@code err} with a pointer to
     * the help (exit 2), anything else the action throws to {@code err} with its stack (exit 1).
     */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        Reached reached = reach(args);
        try {
            if (reached.wantsHelp(args)) {
                out.print(reached.command.usage(reached.path));
                out.flush();
                return 0;
            }
            if (reached.wantsVersion(args)) {
                out.println(reached.command.version);
                out.flush();
                return 0;
            }
            Arguments arguments = reached.parse(args);
            return reached.command.action.run(arguments);
        } catch (UsageError e) {
            err.println(reached.path + ": " + e.getMessage());
            err.println("'" + reached.path + " --help' lists what it takes.");
            err.flush();
            return 2;
        } catch (Exception e) {
            err.println(reached.path + " failed: " + e);
            e.printStackTrace(err);
            err.flush();
            return 1;
        }
    }

    /** Checks {@code args} (a command's path, then its options) without running anything. */
    public Arguments parse(String... args) {
        Reached reached = reach(args);
        return reached.parse(args);
    }

    /**
     * The command the leading arguments name, and where its own arguments begin. A group's missing or unknown
     * subcommand is left for {@link Reached#parse} to report, so --help can still show the group's help.
     */
    private Reached reach(String[] args) {
        Command command = this;
        String path = name;
        int next = 0;
        while (!command.subcommands.isEmpty() && next < args.length) {
            Command sub = command.subcommand(args[next]);
            if (sub == null) {
                break;
            }
            command = sub;
            path = path + " " + sub.name;
            next++;
        }
        return new Reached(command, path, next);
    }

    private Command subcommand(String word) {
        for (Command sub : subcommands) {
            if (sub.name.equals(word)) {
                return sub;
            }
        }
        return null;
    }

    private Option option(String optionName) {
        for (Option option : options) {
            if (option.name().equals(optionName)) {
                return option;
            }
        }
        return null;
    }

    /** A command reached by a path of subcommand names, its own arguments from {@code next} on. */
    private record Reached(Command command, String path, int next) {
        boolean wantsHelp(String[] args) {
            for (int i = next; i < args.length; i++) {
                if (args[i].equals("--")) {
                    return false;
                }
                if (args[i].equals("-h") || args[i].equals("--help")) {
                    return true;
                }
                Option option = command.option(args[i]);
                if (option != null) {
                    i++; // its value, whatever it is, is not a request for help
                }
            }
            return false;
        }

        boolean wantsVersion(String[] args) {
            return command.version != null && args.length == next + 1
                    && (args[next].equals("-V") || args[next].equals("--version"));
        }

        Arguments parse(String[] args) {
            if (!command.subcommands.isEmpty()) {
                String names = String.join(", ", command.subcommandNames());
                if (next >= args.length) {
                    throw new UsageError("a command is needed: " + names);
                }
                throw new UsageError((args[next].startsWith("-") ? "unknown option '" : "unknown command '")
                        + args[next] + "' (commands: " + names + ")");
            }
            Map<String, String> given = new LinkedHashMap<>();
            Map<String, List<String>> repeated = new LinkedHashMap<>();
            List<String> positional = new ArrayList<>();
            boolean optionsEnded = false;
            for (int i = next; i < args.length; i++) {
                String arg = args[i];
                if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                    positional.add(arg);
                    continue;
                }
                if (arg.equals("--")) {
                    optionsEnded = true;
                    continue;
                }
                int equals = arg.indexOf('=');
                String optionName = equals > 0 ? arg.substring(0, equals) : arg;
                Option option = command.option(optionName);
                if (option == null) {
                    throw new UsageError("unknown option '" + optionName + "'");
                }
                String value;
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageError(optionName + " needs a value");
                }
                if (option.kind() == Option.Kind.REPEATED) {
                    repeated.computeIfAbsent(optionName, n -> new ArrayList<>()).add(value);
                } else if (given.putIfAbsent(optionName, value) != null) {
                    throw new UsageError(optionName + " is given more than once");
                }
            }
            if (positional.size() > command.parameters.size()) {
                throw new UsageError("unexpected argument '" + positional.get(command.parameters.size()) + "'");
            }
            if (positional.size() < command.parameters.size()) {
                Parameter missing = command.parameters.get(positional.size());
                throw new UsageError("<" + missing.name() + "> is missing (" + missing.help() + ")");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Option option : command.options) {
                if (option.kind() == Option.Kind.REPEATED) {
                    values.put(option.name(), repeated.containsKey(option.name())
                            ? List.copyOf(repeated.get(option.name())) : null);
                } else if (given.containsKey(option.name())) {
                    values.put(option.name(), convert(option, given.get(option.name()), option.name()));
                } else {
                    String from = option.env() == null ? option.name() : option.name() + " (from " + option.env() + ")";
                    values.put(option.name(), convert(option, option.absent(), from));
                }
            }
            return new Arguments(path.substring(path.indexOf(' ') + 1), values, positional);
        }

        private static Object convert(Option option, String value, String what) {
            if (value == null) {
                return null;
            }
            switch (option.kind()) {
                case NUMBER:
                    try {
                        return Integer.parseInt(value.trim());
                    } catch (NumberFormatException e) {
                        throw new UsageError(what + " must be a whole number, not '" + value + "'");
                    }
                case BOOLEAN:
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(value);
                    }
                    throw new UsageError(what + " must be true or false, not '" + value + "'");
                case PATH:
                    try {
                        return Path.of(value);
                    } catch (InvalidPathException e) {
                        throw new UsageError(what + " is not a path: " + e.getMessage());
                    }
                default:
                    return value;
            }
        }
    }

    /** The help text of this command, reached as {@code path}. */
    String usage(String path) {
        StringBuilder text = new StringBuilder("Usage: ").append(path);
        if (!subcommands.isEmpty()) {
            text.append(" <command>");
        }
        text.append(" [options]");
        for (Parameter parameter : parameters) {
            text.append(" <").append(parameter.name()).append('>');
        }
        text.append('\n').append(description).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (Parameter parameter : parameters) {
            rows.add(new String[] {"<" + parameter.name() + ">", parameter.help()});
        }
        if (!rows.isEmpty()) {
            table(text, "Parameters:", rows);
        }
        if (!subcommands.isEmpty()) {
            rows = new ArrayList<>();
            for (Command sub : subcommands) {
                rows.add(new String[] {sub.name, sub.description});
            }
            table(text, "Commands:", rows);
        }
        rows = new ArrayList<>();
        for (Option option : options) {
            if (!option.hidden()) {
                rows.add(new String[] {option.name() + (option.kind() == Option.Kind.BOOLEAN ? " true|false" : " <value>"),
                        option.described() + (option.env() == null ? "" : " [" + option.env() + "]")});
            }
        }
        rows.add(new String[] {"-h, --help", "Show this help."});
        if (version != null) {
            rows.add(new String[] {"-V, --version", "Print the version."});
        }
        table(text, "Options:", rows);
        if (!subcommands.isEmpty()) {
            text.append("\n'").append(path).append(" <command> --help' lists a command's options.\n");
        }
        return text.toString();
    }

    private static void table(StringBuilder text, String title, List<String[]> rows) {
        int width = 0;
        for (String[] row : rows) {
            width = Math.max(width, row[0].length());
        }
        text.append('\n').append(title).append('\n');
        for (String[] row : rows) {
            text.append("  ").append(row[0]).append(" ".repeat(width - row[0].length() + 2)).append(row[1]).append('\n');
        }
    }
}
