package org.reprobench.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 (ephemeral port) serving byte arrays, with the faults the fetcher
 * must survive: a connection cut after some bytes, a server ignoring Range, a lying
 * Content-Length, redirects. Records every request's path and Range header.
 */
final class LoopbackServer implements AutoCloseable {
    record Request(String path, String range) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Cut the body after this many bytes for the next N requests (counted down). */
    volatile long cutAfter = -1;
    final AtomicInteger cutsLeft = new AtomicInteger();
    volatile boolean ignoreRange;
    volatile long extraAnnounced;

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    LoopbackServer serve(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    LoopbackServer redirect(String from, String to) {
        redirects.put(from, to);
        return this;
    }

    int count(String path) {
        return (int) requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        try (ex) {
            if (redirects.containsKey(path)) {
                ex.getResponseHeaders().add("Location", url(redirects.get(path)));
                ex.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = files.get(path);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long from = 0;
            if (range != null && !ignoreRange) {
                from = Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
                if (from >= body.length) {
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            long length = body.length - from + extraAnnounced;
            ex.sendResponseHeaders(range != null && !ignoreRange ? 206 : 200, length);
            OutputStream out = ex.getResponseBody();
            int n = (int) (body.length - from);
            if (cutAfter >= 0 && cutsLeft.getAndDecrement() > 0) {
                n = (int) Math.min(n, cutAfter);
                out.write(body, (int) from, n);
                out.flush();
                throw new IOException("cut on purpose"); // aborts the exchange: the client sees a short body
            }
            out.write(body, (int) from, n);
            if (extraAnnounced > 0) {
                out.write(new byte[(int) extraAnnounced]);
            }
        } catch (IOException e) {
            if (!"cut on purpose".equals(e.getMessage())) {
                throw e;
            }
            closeQuietly(ex);
        }
    }

    private static void closeQuietly(HttpExchange ex) {
        try {
            ex.getResponseBody().close();
        } catch (IOException ignored) {
            // the point was to break the connection
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
