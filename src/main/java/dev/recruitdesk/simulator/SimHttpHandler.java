package dev.recruitdesk.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes every request: 404/405, authentication, rate limits, then the endpoint; errors become SR error bodies. */
final class SimHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SimHttpHandler.class);

    private final List<Route> routes;
    private final Credentials credentials;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final AtomicLong served = new AtomicLong();

    SimHttpHandler(List<Route> routes, Credentials credentials, RateLimiter limiter, FaultInjector faults) {
        this.routes = List.copyOf(routes);
        this.credentials = credentials;
        this.limiter = limiter;
        this.faults = faults;
    }

    FaultInjector faults() {
        return faults;
    }

    long served() {
        return served.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        RateLimiter.Permit permit = null;
        SimResponse response;
        FaultInjector.Decision fault = FaultInjector.Decision.NONE;
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String[] segments = segments(path);
            Route route = null;
            Map<String, String> params = null;
            Set<String> allowed = new LinkedHashSet<>();
            for (Route r : routes) {
                Map<String, String> p = r.match(segments);
                if (p != null) {
                    allowed.add(r.method());
                    if (r.method().equals(method)) {
                        route = r;
                        params = p;
                        break;
                    }
                }
            }
            if (route == null) {
                permit = limiter.peek();
                response = allowed.isEmpty()
                        ? SimResponse.error(new SimError(404, "NOT_FOUND", "No such endpoint"))
                        : SimResponse.error(new SimError(405, "METHOD_NOT_ALLOWED", "Method not allowed here"))
                                .withHeader("Allow", String.join(", ", allowed));
            } else if (route.authenticated() && !credentials.authenticated(
                    exchange.getRequestHeaders().getFirst("X-SmartToken"),
                    exchange.getRequestHeaders().getFirst("Authorization"))) {
                permit = limiter.peek();
                response = SimResponse.error(new SimError(401, "UNAUTHORIZED",
                        "Invalid or missing credentials"));
            } else {
                permit = limiter.acquire(route.key(), route.candidateList());
                if (!permit.granted) {
                    response = SimResponse.error(new SimError(429, "RATE_LIMIT_EXCEEDED",
                            "Too many requests, slow down")).withHeader("Retry-After", "1");
                } else {
                    SimRequest request = new SimRequest(method, path, params,
                            query(exchange.getRequestURI().getRawQuery()), headers(exchange.getRequestHeaders()),
                            body);
                    fault = faults.decide(route, request);
                    SimResponse instead = faults.instead(fault);
                    if (instead != null) {
                        response = instead;
                    } else {
                        // A SimError from the endpoint skips the bending: error answers are never bent.
                        response = faults.bend(fault, route, request, route.handler().handle(request));
                    }
                }
            }
        } catch (SimError e) {
            response = SimResponse.error(e);
        } catch (RuntimeException e) {
            LOG.error("Simulator failed on {} {}", method, path, e);
            response = SimResponse.error(new SimError(500, "INTERNAL_ERROR", "Internal simulator error"));
        }
        // Counted and released before the answer goes out: a client that has its answer and asks again at once
        // (paging one listing after another) must find the slot free, not get a 429 for its own previous call.
        served.incrementAndGet();
        RateLimiter.Permit headers = permit == null ? limiter.peek() : permit;
        if (permit != null) {
            permit.release();
        }
        try {
            boolean acceptedAndLost = faults.dropAcceptedWrite(method, response);
            if (fault.is(FaultPlan.Kind.DROP) || acceptedAndLost) {
                if (acceptedAndLost) {
                    // The write is committed; its answer never leaves: closing before any header closes the socket.
                    LOG.debug("{} {} accepted, answer dropped", method, path);
                    return;
                }
                // The endpoint has done its work; the answer is lost. Closing before any header closes the socket.
                faults.count(FaultPlan.Kind.DROP);
                LOG.trace("{} {} -> dropped", method, path);
                return;
            }
            if (fault.is(FaultPlan.Kind.SLOW)) {
                faults.count(FaultPlan.Kind.SLOW);
                holdBack(faults.slowMillis());
            }
            send(exchange, response, headers);
            LOG.trace("{} {} -> {}", method, path, response.status());
        } finally {
            exchange.close();
        }
    }

    private static void holdBack(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // The simulator is closing: answer at once.
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, SimResponse response, RateLimiter.Permit permit)
            throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("X-RateLimit-Limit", Integer.toString(permit.limit));
        h.set("X-RateLimit-Remaining", Integer.toString(permit.remaining));
        h.set("X-RateLimit-Concurrent-Limit", Integer.toString(permit.concurrentLimit));
        h.set("X-RateLimit-Concurrent-Remaining", Integer.toString(permit.concurrentRemaining));
        response.headers().forEach(h::set);
        if (response.contentType() != null) {
            h.set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        boolean empty = body.length == 0 || response.status() == 204 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String[] segments(String rawPath) {
        String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] raw = p.substring(1).split("/", -1);
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return out;
    }

    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            // Both "jobId=a&jobId=b" and "jobId[]=a" spellings of a repeated parameter are accepted.
            if (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
            }
            out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return out;
    }

    private static Map<String, String> headers(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return out;
    }
}
