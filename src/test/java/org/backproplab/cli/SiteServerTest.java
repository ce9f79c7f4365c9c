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

/** The static server behind {@code serve}: MIME types, 404s, and nothing outside its root. */
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
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream o = socket.getOutputStream();
            o.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(response.contains("outside the root"), "served a file outside the root for " + target);
            return response.isEmpty() ? "(connection closed)" : response.substring(0, response.indexOf("\r\n"));
        }
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
    void serveRefusesAFolderWithoutASite() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Path empty = Files.createDirectory(tmp.resolve("empty"));
            assertEquals(2, Main.run("serve", "--port", "0", "--dir", empty.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: no built site found"), err.toString());
            err.reset();
            assertEquals(2, Main.run("serve", "--port", String.valueOf(server.port()), "--dir", root.toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("port " + server.port() + " is in use"),
                    err.toString());
        } finally {
            System.setErr(saved);
        }
    }
}
