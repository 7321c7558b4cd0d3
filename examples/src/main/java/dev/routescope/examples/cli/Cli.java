package dev.routescope.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers shared by the subcommands. */
final class Cli {
    private Cli() {}

    /** A one-line description of an I/O failure, never just {@code null}. */
    static String describe(Exception ex) {
        String m = ex.getMessage();
        if (ex instanceof java.io.EOFException) {
            return "unexpected end of file" + (m == null ? "" : " (" + m + ")");
        }
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    /** The command's configured standard output, or {@code System.out} when run outside picocli. */
    static PrintWriter out(@Nullable CommandSpec spec) {
        return spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    }

    private static volatile @Nullable PrintWriter processStderr;

    /** Remembers the writer over the process's stderr, so that progress can tell it from a test's buffer. */
    static void setProcessStderr(PrintWriter err) {
        processStderr = err;
    }

    /** {@return whether {@code err} writes to the process's stderr and that is an interactive terminal} */
    static boolean isTerminalStderr(PrintWriter err) {
        if (err != processStderr) {
            return false;
        }
        @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() below on JDK 22+
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        // JDK 22+ always returns a console; isTerminal() (absent on 17) says whether it is one.
        try {
            Object terminal = java.io.Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(terminal);
        } catch (ReflectiveOperationException notOnThisJdk) {
            return true;
        }
    }

    /** The command's configured standard error, or {@code System.err} when run outside picocli. */
    static PrintWriter err(@Nullable CommandSpec spec) {
        return spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    }
}
