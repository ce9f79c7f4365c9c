package org.backproplab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve [--port N]}: serves the built site on localhost and prints its URL. */
@Command(name = "serve", description = "Serve target/site on http://localhost (Ctrl+C stops it).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 8080;

    @Option(names = "--dir", paramLabel = "DIR", description = "the folder to serve (default: target/site, "
            + "or the site folder beside the jar)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path root = dir != null ? dir : defaultSite();
        if (root == null || !Files.isRegularFile(root.resolve("index.html"))) {
            System.err.println("error: no built site found (expected target/site/index.html); "
                    + "build it first with: mvn -q package -DskipTests");
            return 2;
        }
        SiteServer server;
        try {
            server = SiteServer.start(root, port);
        } catch (java.net.BindException e) {
            System.err.println("error: port " + port + " is in use; try --port 0 to pick a free one");
            return 2;
        }
        System.out.println("Backprop Lab is at " + server.url() + "  (serving " + root + "; Ctrl+C stops it)");
        Thread.currentThread().join();
        return 0;
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
