package dev.routescope.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routescope}: BGP monitoring from the command line.
 *
 * <pre>{@code
 * java -jar examples/target/routescope.jar                 # summary of the embedded RIS sample
 * java -jar examples/target/routescope.jar dump -m updates.20210101.0455.gz
 * }</pre>
 *
 * <p>Errors a user can cause (missing file, bad argument, unreadable data) print one line on stderr
 * and exit with 1 (2 for usage errors); {@code --verbose} adds the stack trace.
 */
@Command(
        name = "routescope",
        mixinStandardHelpOptions = true,
        version = "routescope 0.1.0-SNAPSHOT",
        description =
                "BGP monitoring: MRT, RIS Live, RPKI and AS relationships. Without a subcommand: monitor the embedded sample.",
        subcommands = {
            MonitorCommand.class,
            SummaryCommand.class,
            DumpCommand.class,
            ValidateCommand.class,
            LeakCheckCommand.class,
            RtrCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Routescope implements Callable<Integer> {

    @Option(names = "--verbose", description = "Show stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    /** Package-private: picocli instantiates it. */
    Routescope() {}

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public Integer call() {
        // No subcommand: run the default one through picocli so it gets the same writers and handlers.
        if (spec == null) {
            throw new IllegalStateException("picocli did not inject the command spec");
        }
        CommandLine monitor = java.util.Objects.requireNonNull(
                spec.commandLine().getSubcommands().get("monitor"), "monitor subcommand");
        return monitor.execute();
    }

    /**
     * Runs the CLI and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Cli.setProcessStderr(err);
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), err));
    }

    /**
     * Runs the CLI without exiting (for tests and embedding).
     *
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 success, 1 error, 2 usage error
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Routescope root = new Routescope();
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = ex instanceof CliException
                    ? ex.getMessage()
                    : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            err.println("routescope: " + message);
            if (root.verbose || java.util.Arrays.asList(args).contains("--verbose")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
