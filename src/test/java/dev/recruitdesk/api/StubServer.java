package dev.recruitdesk.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted stand-in for SmartRecruiters on 127.0.0.1: each path answers from a queue of replies (the last one
 * repeats), records every request, and counts how many requests per path were in flight at once.
 */
final class StubServer implements AutoCloseable {

    record Seen(String method, String path, String rawQuery, Map<String, List<String>> query,
                Map<String, List<String>> headers, String body) {

        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }

        String param(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, 0);
        }

        static Reply status(int status) {
            return new Reply(status, Map.of(), null, 0);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delayMillis);
        }

        Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(12);
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Function<Seen, Reply>> dynamic = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger allInFlight = new AtomicInteger();
    private final AtomicInteger allMax = new AtomicInteger();

    StubServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code path} with these replies in turn; the last one keeps answering. */
    StubServer on(String path, Reply... replies) {
        scripts.put(path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    StubServer on(String path, Function<Seen, Reply> handler) {
        dynamic.put(path, handler);
        return this;
    }

    List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    List<Seen> requests(String path) {
        return requests().stream().filter(s -> s.path().equals(path)).toList();
    }

    int maxConcurrent(String path) {
        AtomicInteger m = maxInFlight.get(path);
        return m == null ? 0 : m.get();
    }

    int maxConcurrentOverall() {
        return allMax.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        AtomicInteger current = inFlight.computeIfAbsent(path, k -> new AtomicInteger());
        AtomicInteger max = maxInFlight.computeIfAbsent(path, k -> new AtomicInteger());
        max.accumulateAndGet(current.incrementAndGet(), Math::max);
        allMax.accumulateAndGet(allInFlight.incrementAndGet(), Math::max);
        // A request stops counting as in flight just before its answer goes out: once the client has the answer it
        // may rightly send the next one, possibly before this thread gets to run again.
        boolean counted = true;
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String rawQuery = ex.getRequestURI().getRawQuery();
            Seen s = new Seen(ex.getRequestMethod(), path, rawQuery, decode(rawQuery),
                    Map.copyOf(ex.getRequestHeaders()), body);
            seen.add(s);
            Reply reply = replyFor(s);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            current.decrementAndGet();
            allInFlight.decrementAndGet();
            counted = false;
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // The client timed out and closed the connection: expected in the timeout tests.
        } finally {
            if (counted) {
                current.decrementAndGet();
                allInFlight.decrementAndGet();
            }
            ex.close();
        }
    }

    private Reply replyFor(Seen s) {
        Function<Seen, Reply> f = dynamic.get(s.path());
        if (f != null) {
            return f.apply(s);
        }
        Deque<Reply> q = scripts.get(s.path());
        if (q == null) {
            return Reply.json(404, "{\"message\":\"no stub for this path\",\"errors\":[{\"code\":\"NOT_FOUND\"}]}");
        }
        synchronized (q) {
            return q.size() > 1 ? q.poll() : q.peek();
        }
    }

    /** Decodes each query value exactly once, as a server would. */
    static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
