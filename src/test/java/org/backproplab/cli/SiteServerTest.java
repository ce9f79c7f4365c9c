package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static server behind {@code serve}: MIME types, 404s, nothing outside its root, only GET and HEAD, security
 * headers, and a bounded load test with half-open connections. Every wait is bounded, so a broken server fails a
 * test instead of hanging the build.
 */
class SiteServerTest {
    private static final byte[] WASM = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final String INDEX = "<!doctype html><title>Backprop Lab</title>";

    @TempDir
    Path tmp;

    private Path root;
    private SiteServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectory(tmp.resolve("site"));
        Files.writeString(root.resolve("index.html"), INDEX);
        Files.createDirectory(root.resolve("wasm"));
        Files.write(root.resolve("wasm").resolve("lab.wasm"), WASM);
        Files.createDirectory(root.resolve("js"));
        Files.writeString(root.resolve("js").resolve("lab.js"), "backpropLabMain();");
        Files.writeString(root.resolve("styles.css"), "body{}");
        Files.writeString(root.resolve("data.bin"), "?");
        Files.createDirectory(root.resolve("embed"));
        Files.writeString(root.resolve("embed").resolve("index.html"), "<p>embed</p>");
        Files.writeString(tmp.resolve("secret.txt"), "outside the root");
        server = SiteServer.start(root, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("(none)");
    }

    /** Sends a request line exactly as written (no client normalises it) and returns the status line. */
    private String rawStatus(String target) throws Exception {
        String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertFalse(response.contains("outside the root"), "served a file outside the root for " + target);
        return statusLine(response);
    }

    /** Sends a request exactly as written and returns the whole response (ISO-8859-1), waiting 10 s at most. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream o = socket.getOutputStream();
            o.write(request.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(String response) {
        return response.isEmpty() ? "(connection closed)" : response.substring(0, response.indexOf("\r\n"));
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void portZeroPicksAFreePortAndTheUrlNamesIt() {
        assertTrue(server.port() > 0);
        assertEquals("http://localhost:" + server.port() + "/", server.url());
    }

    @Test
    void indexIsHtml() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/index.html?backend=wasm", "/?backend=js#view=graph"}) {
            HttpResponse<byte[]> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(type(r).startsWith("text/html"), path + ": " + type(r));
            assertEquals(INDEX, new String(r.body(), StandardCharsets.UTF_8), path);
        }
        HttpResponse<byte[]> sub = get("/embed/");
        assertEquals(200, sub.statusCode());
        assertEquals("<p>embed</p>", new String(sub.body(), StandardCharsets.UTF_8));
    }

    @Test
    void wasmIsApplicationWasm() throws Exception {
        HttpResponse<byte[]> r = get("/wasm/lab.wasm");
        assertEquals(200, r.statusCode());
        assertEquals("application/wasm", type(r));
        assertArrayEquals(WASM, r.body());
    }

    @Test
    void otherTypes() throws Exception {
        assertTrue(type(get("/js/lab.js")).startsWith("text/javascript"));
        assertTrue(type(get("/styles.css")).startsWith("text/css"));
        assertEquals("application/octet-stream", type(get("/data.bin")));
    }

    @Test
    void aMissingFileIs404() throws Exception {
        assertEquals(404, get("/missing.js").statusCode());
        assertEquals(404, get("/wasm/").statusCode(), "a folder without index.html");
        assertEquals(404, get("/wasm").statusCode(), "a folder is not a file");
    }

    @Test
    void headHasNoBody() throws Exception {
        HttpRequest head = HttpRequest.newBuilder(URI.create(server.url() + "wasm/lab.wasm"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> r = client.send(head, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/wasm", type(r));
        assertEquals(0, r.body().length);
    }

    @Test
    void nothingOutsideTheRootIsServed() throws Exception {
        String[] attempts = {"/../secret.txt", "/wasm/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
            "/%2E%2E%2Fsecret.txt", "/js/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt",
            "//" + tmp.resolve("secret.txt")};
        for (String path : attempts) {
            String status = rawStatus(path); // 404, or 400 where the JDK's parser already refuses the request
            assertTrue(status.equals("HTTP/1.1 404 Not Found") || status.equals("HTTP/1.1 400 Bad Request"),
                    path + ": " + status);
        }
        HttpResponse<byte[]> viaClient = get("/../secret.txt");
        assertEquals(404, viaClient.statusCode());
    }

    @Test
    void oddPathsGetAnAnswerNotADroppedConnection() throws Exception {
        for (String path : new String[] {"/%00", "/index.html%00.wasm", "/%ff%fe"}) {
            assertEquals("HTTP/1.1 404 Not Found", rawStatus(path), path);
        }
    }

    @Test
    void onlyGetAndHeadServeFiles() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "BREW", "get"}) {
            String response = raw(method + " /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                    + "Connection: close\r\n\r\nhello");
            assertEquals("HTTP/1.1 405 Method Not Allowed", statusLine(response), method);
            assertTrue(response.contains("\r\nAllow: GET, HEAD\r\n"), response);
            assertFalse(response.contains(INDEX), method + " served the file");
        }
    }

    @Test
    void aNotFoundPageDoesNotEchoThePath() throws Exception {
        HttpResponse<byte[]> r = get("/missing-%3Cb%3Ehello%3C%2Fb%3E.js");
        assertEquals(404, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertFalse(body.contains("missing") || body.contains("hello") || body.contains("<"), body);
        assertEquals("Not Found\n", body);
    }

    @Test
    void aRawBackslashOrAngleBracketIsAPlainBadRequest() throws Exception {
        for (String target : new String[] {"/a\\b", "/<script>", "/a>b", "/a\"b", "/a{b}", "/caf\u00e9", "/a%zz",
            "/a%4", "*", "http://localhost/index.html"}) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals("HTTP/1.1 400 Bad Request", statusLine(response), target);
            assertEquals("Bad Request\n", body(response), target);
            assertTrue(response.contains("Content-Type: text/plain; charset=utf-8"), response);
        }
        assertEquals("HTTP/1.1 400 Bad Request", statusLine(raw("GET /index.html\r\n\r\n")), "no HTTP version");
        assertEquals("HTTP/1.1 400 Bad Request", statusLine(raw("GET  /index.html HTTP/1.1\r\n\r\n")), "two spaces");
    }

    @Test
    void everyAnswerForbidsSniffingAndFramingByOtherSites() throws Exception {
        for (String path : new String[] {"/", "/wasm/lab.wasm", "/missing.js"}) {
            HttpResponse<byte[]> r = get(path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse("(none)"), path);
            assertEquals("frame-ancestors 'self'",
                    r.headers().firstValue("Content-Security-Policy").orElse("(none)"), path);
        }
        String bad = raw("GET /<x> HTTP/1.1\r\n\r\n");
        assertTrue(bad.contains("\r\nX-Content-Type-Options: nosniff\r\n"), bad);
    }

    @Test
    void aRequestHeadMustArriveInTimeHoweverSlowlyItTrickles() throws Exception {
        server.close();
        server = SiteServer.start(root, 0, 1000, 60_000);
        try (Socket halfOpen = new Socket("127.0.0.1", server.port());
             Socket trickle = new Socket("127.0.0.1", server.port())) {
            halfOpen.setSoTimeout(10_000);
            trickle.setSoTimeout(10_000);
            halfOpen.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            for (char c : "GET / HTTP/1.1\r\nHost: localhost\r\nX: 0123456789\r\n".toCharArray()) {
                if (trickle.getInputStream().available() > 0) {
                    break; // answered
                }
                trickle.getOutputStream().write(c); // a byte every 300 ms: each read is quick, the whole head is not
                Thread.sleep(300);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String trickled = new String(trickle.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 408", trickled, "after " + seconds + " s");
            assertTrue(seconds < 8, "the deadline is 1 s, the trickle was cut after " + seconds + " s");
            String answer = new String(halfOpen.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 408 Request Timeout", statusLine(answer));
        }
    }

    @Test
    void aClientThatNeverReadsItsAnswerIsCutOff() throws Exception {
        Files.write(root.resolve("big.bin"), new byte[32 << 20]); // far more than the socket buffers hold
        server.close();
        server = SiteServer.start(root, 0, 10_000, 1500);
        try (Socket stalled = new Socket("127.0.0.1", server.port())) {
            stalled.setSoTimeout(10_000);
            stalled.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(3000); // not reading: the server's write blocks until the connection's deadline
            long received = 0;
            try {
                InputStream in = stalled.getInputStream();
                for (int n = in.read(new byte[65536]); n > 0; n = in.read(new byte[65536])) {
                    received += n;
                }
            } catch (java.net.SocketException e) {
                // reset by the server's close: cut off, as meant
            }
            assertTrue(received < (32 << 20), "the whole file arrived: " + received + " bytes");
        }
        assertEquals(200, get("/index.html").statusCode());
    }

    /**
     * The bounded load test: 20 connections that never finish their request are held open while a normal request
     * is timed and 200 requests run at once. The JDK's HttpServer, with 4 threads and no deadline, stopped answering
     * anyone with 4 of them. The time limits are generous for a slow 2-core machine (measured: see the output).
     */
    @Test
    void holdsUnderLoadWithHalfOpenConnectionsHeld() throws Exception {
        java.util.List<Socket> held = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(200);
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            Thread.sleep(300); // let the server take them up, so that they hold its workers

            long start = System.nanoTime();
            assertEquals("HTTP/1.1 200 OK", rawStatus("/index.html"));
            double normalMs = (System.nanoTime() - start) / 1e6;

            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Double>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    long t = System.nanoTime();
                    String response = raw("GET /wasm/lab.wasm HTTP/1.1\r\nHost: localhost\r\n\r\n");
                    assertEquals("HTTP/1.1 200 OK", statusLine(response));
                    assertArrayEquals(WASM, body(response).getBytes(StandardCharsets.ISO_8859_1));
                    return (System.nanoTime() - t) / 1e6;
                }));
            }
            long burst = System.nanoTime();
            go.countDown();
            long during = System.nanoTime();
            assertEquals("HTTP/1.1 200 OK", rawStatus("/index.html"));
            double duringMs = (System.nanoTime() - during) / 1e6;
            double slowestMs = 0;
            for (java.util.concurrent.Future<Double> answer : answers) {
                slowestMs = Math.max(slowestMs, answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            double burstMs = (System.nanoTime() - burst) / 1e6;
            System.out.println("SiteServer load test: normal request with 20 half-open held " + Math.round(normalMs)
                    + " ms, during 200 concurrent " + Math.round(duringMs) + " ms; 200 concurrent all answered in "
                    + Math.round(burstMs) + " ms, slowest " + Math.round(slowestMs) + " ms");
            assertTrue(normalMs < 5000, normalMs + " ms");
            assertTrue(duringMs < 10_000, duringMs + " ms");
            for (Socket s : held) {
                assertFalse(s.isClosed());
            }
        } finally {
            clients.shutdownNow();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** Runs serve, which must fail at once (a working serve would never return), and gives its stderr. */
    private static String serveFails(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] command = new String[args.length + 1];
            command[0] = "serve";
            System.arraycopy(args, 0, command, 1, args.length);
            assertEquals(2, Main.run(command));
            return err.toString(StandardCharsets.UTF_8).trim();
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void servePortOutOfRangeIsAnErrorNotAStackTrace() {
        for (String port : new String[] {"-1", "99999", "65536"}) {
            assertEquals("error: --port: expected a port from 0 to 65535 (0 picks a free one), got " + port,
                    serveFails("--port", port, "--dir", root.toString()));
        }
    }

    @Test
    void serveRefusesAFolderWithoutASiteNamingIt() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        String noSite = serveFails("--port", "0", "--dir", empty.toString());
        assertTrue(noSite.startsWith("error: --dir " + empty + ": no index.html in it, so no built site to serve"),
                noSite);
        assertEquals("error: --dir " + tmp.resolve("nowhere") + ": no such folder",
                serveFails("--port", "0", "--dir", tmp.resolve("nowhere").toString()));
        assertEquals("error: --dir " + tmp.resolve("secret.txt") + ": not a folder",
                serveFails("--port", "0", "--dir", tmp.resolve("secret.txt").toString()));
        String inUse = serveFails("--port", String.valueOf(server.port()), "--dir", root.toString());
        assertTrue(inUse.contains("port " + server.port() + " is in use"), inUse);
    }
}
