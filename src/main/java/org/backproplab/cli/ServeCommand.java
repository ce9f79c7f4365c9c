package org.backproplab.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve [--port N] [--dir DIR]}: serves the built site on localhost and prints its URL. */
@Command(name = "serve", description = "Serve target/site on http://localhost (Ctrl+C stops it).")
final class ServeCommand implements Callable<Integer> {
    private static final String BUILD = "build it first with: mvn -q package -DskipTests";

    @Option(names = "--port", description = "port, 0 to 65535 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 8080;

    @Option(names = "--dir", paramLabel = "DIR", description = "the folder to serve (default: target/site, "
            + "or the site folder beside the jar)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            return fail("--port: expected a port from 0 to 65535 (0 picks a free one), got " + port);
        }
        Path root = dir != null ? dir : defaultSite();
        String problem = siteProblem(root);
        if (problem != null) {
            return fail(problem);
        }
        SiteServer server;
        try {
            server = SiteServer.start(root, port);
        } catch (BindException e) {
            return fail("port " + port + " is in use; try --port 0 to pick a free one");
        } catch (IOException e) {
            return fail("cannot serve " + root + " on port " + port + ": " + e.getMessage());
        }
        System.out.println("Backprop Lab is at " + server.url() + "  (serving " + root + "; Ctrl+C stops it)");
        Thread.currentThread().join();
        return 0;
    }

    /** Why root can't be served, naming the folder the user gave, or null if it holds a site. */
    private String siteProblem(Path root) {
        if (dir == null) {
            return root != null && Files.isRegularFile(root.resolve("index.html")) ? null
                    : "no built site found (expected target/site/index.html); " + BUILD;
        }
        if (!Files.exists(dir)) {
            return "--dir " + dir + ": no such folder";
        }
        if (!Files.isDirectory(dir)) {
            return "--dir " + dir + ": not a folder";
        }
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            return "--dir " + dir + ": no index.html in it, so no built site to serve; " + BUILD
                    + " (it goes to target/site)";
        }
        return null;
    }

    private static int fail(String message) {
        System.err.println("error: " + message);
        return 2;
    }

    /** target/site under the working folder, else the site folder beside the jar (target/ when built). */
    private static Path defaultSite() throws Exception {
        Path here = Path.of("target", "site");
        if (Files.isDirectory(here)) {
            return here;
        }
        var location = ServeCommand.class.getProtectionDomain().getCodeSource().getLocation();
        Path beside = Path.of(location.toURI()).getParent().resolve("site");
        return Files.isDirectory(beside) ? beside : null;
    }
}
