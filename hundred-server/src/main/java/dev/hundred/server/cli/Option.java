package dev.hundred.server.cli;

/**
 * One option of a command, {@code --name VALUE} or {@code --name=VALUE}. Not given, it is its environment variable
 * when that is set and not empty, else its default ({@code null}: none). {@code {default}} in the help text reads as
 * that value, so --help shows what a run would use.
 */
public record Option(String name, Kind kind, String env, String fallback, String help, boolean hidden) {
    /** What a value must look like; every value is checked before the command runs. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, PATH, REPEATED }

    public Option {
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("an option's name starts with --: " + name);
        }
    }

    public static Option text(String name, String help) {
        return new Option(name, Kind.TEXT, null, null, help, false);
    }

    /** A whole number (an int). */
    public static Option number(String name, String help) {
        return new Option(name, Kind.NUMBER, null, null, help, false);
    }

    /** {@code true} or {@code false}, always with its value ({@code --emulator false}). */
    public static Option bool(String name, String help) {
        return new Option(name, Kind.BOOLEAN, null, null, help, false);
    }

    public static Option path(String name, String help) {
        return new Option(name, Kind.PATH, null, null, help, false);
    }

    /** Given any number of times; its values in the order given. */
    public static Option repeated(String name, String help) {
        return new Option(name, Kind.REPEATED, null, null, help, false);
    }

    /** Read from {@code variable} when the command line does not give it. */
    public Option env(String variable) {
        return new Option(name, kind, variable, fallback, help, hidden);
    }

    public Option orElse(String value) {
        return new Option(name, kind, env, value, help, hidden);
    }

    /** Left out of --help (options only tests want). */
    public Option hide() {
        return new Option(name, kind, env, fallback, help, true);
    }

    /** The value when the command line does not give one: the environment variable, else the default. */
    String absent() {
        String value = env == null ? null : System.getenv(env);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** The help text as --help prints it. */
    String described() {
        String value = absent();
        return help.replace("{default}", value == null ? "none" : value);
    }
}
