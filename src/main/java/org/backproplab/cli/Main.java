package org.backproplab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar backprop-lab.jar eval|train|bench|serve}. JVM only. */
@Command(name = "backprop-lab", mixinStandardHelpOptions = true, version = "Backprop Lab 0.1",
        description = "micrograd in Java: evaluate programs, train tiny nets, benchmark, and serve the web app.",
        subcommands = {EvalCommand.class, TrainCommand.class, BenchCommand.class, ServeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
