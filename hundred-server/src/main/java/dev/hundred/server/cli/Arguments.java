package dev.hundred.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a command was given: each option's value (from the command line, its environment variable or its default,
 * already checked and converted) and the positional parameters.
 */
public final class Arguments {
    private final String command;
    private final Map<String, Object> values;
    private final List<String> parameters;

    Arguments(String command, Map<String, Object> values, List<String> parameters) {
        this.command = command;
        this.values = values;
        this.parameters = List.copyOf(parameters);
    }

    /** The command's path below the program: {@code serve}, {@code workspace update}. */
    public String command() {
        return command;
    }

    /** Null when neither given nor defaulted. */
    public String text(String option) {
        return (String) value(option);
    }

    public int number(String option) {
        return (Integer) value(option);
    }

    public boolean bool(String option) {
        return (Boolean) value(option);
    }

    public Path path(String option) {
        return (Path) value(option);
    }

    /** A repeated option's values in the order given; null when it was not given at all. */
    @SuppressWarnings("unchecked")
    public List<String> all(String option) {
        return (List<String>) value(option);
    }

    public String parameter(int index) {
        return parameters.get(index);
    }

    private Object value(String option) {
        if (!values.containsKey(option)) {
            throw new IllegalArgumentException(command + " has no option " + option);
        }
        return values.get(option);
    }
}
