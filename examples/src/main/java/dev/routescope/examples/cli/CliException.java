package dev.routescope.examples.cli;

/** A user-facing error: printed as one line (no stack trace unless {@code --verbose}), exit code 1. */
final class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
