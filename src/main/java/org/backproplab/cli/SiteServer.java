package org.backproplab.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A static file server for target/site on localhost: GET and HEAD of files under one folder, nothing else. The end-to-
 * end tests start one of these too.
 *
 * <p>It is a plain socket server rather than the JDK's HttpServer because that one can't be made to hold: it waits
 * for a request's head with no time limit, so four connections that never finish their request took all its threads
 * and it stopped answering anyone; and it answers a malformed request line itself, with a body about a
 * URISyntaxException. Here each connection has a worker thread, a deadline for its request head and one for the
 * whole answer (a client that asks for a file and never reads it would otherwise block its worker for ever), and
 * every answer is ours. One request per connection (Connection: close) keeps it simple; on localhost that costs nothing.
 *
 * <p>Browsers refuse to compile WebAssembly served without application/wasm, so the content types are set here.
 */
public final class SiteServer implements AutoCloseable {
    /** Worker threads: a connection holds one until it is answered or its head's deadline passes. */
    static final int THREADS = 64;
    /** The time a client has to send its whole request head; a browser sends it at once. */
    static final int HEAD_TIMEOUT_MS = 10_000;
    /** Request heads are a few hundred bytes; anything far bigger is not a browser. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** The time a connection may take in all, from accept to close, however slowly the client reads. */
    static final int CONNECTION_TIMEOUT_MS = 60_000;
    /** Connections waiting for a worker; beyond this they are closed at once. */
    private static final int QUEUE = 1024;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final ServerSocket listener;
    private final Path root;
    private final int headTimeoutMs;
    private final int connectionTimeoutMs;
    private final ThreadPoolExecutor workers;
    /** Every open connection, with the System.nanoTime() at which it is closed whatever it is doing. */
    private final Map<Socket, Long> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(
            task -> daemon(task, "site-server-reaper"));

    private SiteServer(ServerSocket listener, Path root, int headTimeoutMs, int connectionTimeoutMs) {
        this.listener = listener;
        this.root = root;
        this.headTimeoutMs = headTimeoutMs;
        this.connectionTimeoutMs = connectionTimeoutMs;
        this.workers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> daemon(task, "site-server-worker"));
        workers.allowCoreThreadTimeOut(true); // an idle server keeps no threads
        reaper.scheduleWithFixedDelay(this::closeOverdue, 250, 250, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true); // serve runs until Ctrl+C; tests and the e2e suite must be able to exit around a server
        return t;
    }

    /** Serves root on 127.0.0.1 at the given port (0 picks a free one). */
    public static SiteServer start(Path root, int port) throws IOException {
        return start(root, port, HEAD_TIMEOUT_MS, CONNECTION_TIMEOUT_MS);
    }

    /** As {@link #start(Path, int)}, with other deadlines (tests use short ones). */
    static SiteServer start(Path root, int port, int headTimeoutMs, int connectionTimeoutMs) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), QUEUE);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        SiteServer site = new SiteServer(listener, root.toAbsolutePath().normalize(), headTimeoutMs,
                connectionTimeoutMs);
        Thread acceptor = new Thread(site::acceptLoop, "site-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return site;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                pause(); // closed (the loop ends), or out of file handles for a moment: don't spin
                continue;
            }
            open.put(connection, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(connectionTimeoutMs));
            try {
                workers.execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                forget(connection); // too many waiting already, or the server is closing
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the connections past their deadline; a worker blocked writing to one then gets an exception and is free. */
    private void closeOverdue() {
        long now = System.nanoTime();
        for (Map.Entry<Socket, Long> connection : open.entrySet()) {
            if (now - connection.getValue() > 0) {
                try {
                    connection.getKey().setSoLinger(true, 0); // reset: drop what is still queued for the client
                } catch (IOException e) {
                    // already broken: closing is all that is left
                }
                forget(connection.getKey());
            }
        }
    }

    /** Answers one request on connection, then closes it. */
    private void serve(Socket connection) {
        try {
            OutputStream out = connection.getOutputStream();
            try {
                String head = readHead(connection, headTimeoutMs);
                if (head != null) {
                    respond(head, out);
                }
            } catch (SocketTimeoutException e) {
                answer(out, 408, "Request Timeout", null, false);
            }
            out.flush();
            drain(connection);
        } catch (IOException e) {
            // the client went away mid-answer: there is no one left to tell
        } finally {
            forget(connection);
        }
    }

    /**
     * The request head (request line and header lines, without the blank line that ends it), or null if the client
     * closed the connection first. Throws SocketTimeoutException when the head's deadline passes, however slowly
     * the bytes trickle in, and answers 431 itself for a head that never ends.
     */
    private static String readHead(Socket connection, int timeoutMs) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        InputStream in = new BufferedInputStream(connection.getInputStream());
        StringBuilder head = new StringBuilder();
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("request head not finished in time");
            }
            connection.setSoTimeout((int) left);
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b); // ISO-8859-1: a request head is bytes, and only ASCII matters here
            int n = head.length();
            if (n >= 4 && head.indexOf("\r\n\r\n", n - 4) >= 0) {
                return head.substring(0, n - 4);
            }
            if (n > MAX_HEAD_BYTES) {
                answer(connection.getOutputStream(), 431, "Request Header Fields Too Large", null, false);
                return null;
            }
        }
    }

    /** Reads a little of what the client may still send, so closing doesn't reset the connection under the answer. */
    private static void drain(Socket connection) throws IOException {
        connection.shutdownOutput();
        connection.setSoTimeout(1000);
        InputStream in = connection.getInputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        try {
            for (int n = in.read(buffer); n > 0 && total < 65536; n = in.read(buffer)) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            // the client kept its side open: close anyway
        }
    }

    /** The answer to one request head: a file, or a short plain-text error that never echoes the request back. */
    private void respond(String head, OutputStream out) throws IOException {
        int lineEnd = head.indexOf("\r\n");
        String[] parts = (lineEnd < 0 ? head : head.substring(0, lineEnd)).split(" ", -1);
        if (parts.length != 3 || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))) {
            answer(out, 400, "Bad Request", null, false);
            return;
        }
        boolean headOnly = parts[0].equals("HEAD");
        if (!headOnly && !parts[0].equals("GET")) {
            answer(out, 405, "Method Not Allowed", null, false);
            return;
        }
        String path = decodePath(parts[1]);
        if (path == null) {
            answer(out, 400, "Bad Request", null, headOnly);
            return;
        }
        Path file = toFile(path.endsWith("/") ? path + "index.html" : path);
        if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
            answer(out, 404, "Not Found", null, headOnly);
            return;
        }
        answer(out, 200, "OK", file, headOnly);
    }

    /**
     * The path a request target names, percent-decoded, or null if the target is not a path made of URL characters
     * (RFC 3986): a raw space, backslash, '<' or non-ASCII byte is refused, and so is a '%' without two hex digits.
     * The query is dropped. Bytes that are not UTF-8 decode to U+FFFD, which no file is named after.
     */
    static String decodePath(String target) {
        if (!target.startsWith("/")) {
            return null; // "*" or "http://host/...": not for a file server
        }
        for (int i = 0; i < target.length(); i++) {
            if (!isUrlChar(target.charAt(i))) {
                return null;
            }
        }
        int query = target.indexOf('?');
        String raw = query < 0 ? target : target.substring(0, query);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUrlChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
    }

    /** The file a URL path names, or null if no file could have that name (a NUL byte, say). */
    private Path toFile(String path) {
        try {
            return root.resolve(path.substring(1)).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * Writes a whole answer: the status, the headers every answer has, and the file (or, for an error, its reason
     * as plain text). HEAD gets the same headers and no body.
     */
    private static void answer(OutputStream out, int status, String reason, Path file, boolean headOnly)
            throws IOException {
        byte[] text = file == null ? (reason + "\n").getBytes(StandardCharsets.US_ASCII) : null;
        long length = file == null ? text.length : Files.size(file);
        StringBuilder headers = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason)
                .append("\r\nContent-Type: ").append(file == null ? "text/plain; charset=utf-8" : type(file))
                .append("\r\nContent-Length: ").append(length)
                .append("\r\nCache-Control: no-cache")
                .append("\r\nX-Content-Type-Options: nosniff")
                // a <meta> CSP can't set frame-ancestors: only a header keeps other sites from framing the app
                .append("\r\nContent-Security-Policy: frame-ancestors 'self'")
                .append(status == 405 ? "\r\nAllow: GET, HEAD" : "")
                .append("\r\nConnection: close\r\n\r\n");
        out.write(headers.toString().getBytes(StandardCharsets.US_ASCII));
        if (headOnly) {
            return;
        }
        if (file == null) {
            out.write(text);
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private void forget(Socket connection) {
        open.remove(connection);
        try {
            connection.close();
        } catch (IOException e) {
            // closing a socket that is already broken: nothing to do
        }
    }

    /** Stops listening and closes every connection, so no worker is left waiting on a client. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        workers.shutdownNow();
        reaper.shutdownNow();
        for (Socket connection : open.keySet()) {
            forget(connection);
        }
    }
}
