package dev.hundred.server.cli;

/** The command line asks for something that cannot be done as asked: printed with a pointer to --help, exit 2. */
public final class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
