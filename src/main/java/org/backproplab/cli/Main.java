package org.backproplab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar backprop-lab.jar eval|train|bench|serve}. JVM only. */
@Command(name = "backprop-lab", mixinStandardHelpOptions = true, version = "Backprop Lab 0.1",
        description = "micrograd in Java: evaluate programs, train tiny nets, benchmark, and serve the web app.",
        subcommands = {EvalCommand.class, TrainCommand.class, BenchCommand.class, ServeCommand.class})
public final class Main implements Runnable {
    /** The exit code of a failure that is our fault, not the input's (bad input exits with 2). */
    static final int INTERNAL_ERROR = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return execute(new CommandLine(new Main()), args);
    }

    /**
     * Runs a parsed command line with a last line of defence: the commands check their input up front, but if
     * anything still goes wrong, a user sees one "error:" line, never a Java stack trace.
     */
    static int execute(CommandLine commandLine, String... args) {
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> internalError(e, cl.getErr()));
        try {
            return commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return internalError(e, commandLine.getErr());
        }
    }

    private static int internalError(Throwable e, PrintWriter err) {
        err.println("error: the command failed (" + e + "); please report this, with the command and its input");
        err.flush();
        return INTERNAL_ERROR;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
