package dev.recruitdesk.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One SmartRecruiters call from request to answer: pacing, the in-flight limits, the credential, retries with
 * backoff, and turning every failure into an {@link ApiException} whose message is safe to show and log.
 */
final class SrHttp {

    private static final Logger LOG = LoggerFactory.getLogger(SrHttp.class);
    private static final String USER_AGENT = "RecruitDesk/0.1";
    private static final int MAX_ERROR_BODY = 64 * 1024;
    static final String CANDIDATE_LIST = "GET /candidates";

    /** Which failures a call may be repeated after. */
    enum RetryMode {
        /** Reads, PUT/DELETE and POSTs carrying an idempotency key: any transient failure. */
        ALWAYS,
        /** Non-idempotent POSTs: only when the server surely did nothing (429, connection refused). */
        ONLY_IF_NOT_PROCESSED
    }

    /**
     * @param endpoint the rate-limit key, method + path template ("GET /candidates/{id}")
     * @param secrets  extra values that must never show in a message (e.g. a trigger token in this call's body)
     */
    record Call(String method, String endpoint, URI uri, String body, String contentType, Map<String, String> headers,
                RetryMode retry, RequestAuth auth, List<String> secrets, byte[] binaryBody) {

        Call {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }

        Call(String method, String endpoint, URI uri, String body, String contentType, Map<String, String> headers,
             RetryMode retry, RequestAuth auth, List<String> secrets) {
            this(method, endpoint, uri, body, contentType, headers, retry, auth, secrets, null);
        }

        @Override
        public String toString() {
            return method + " " + uri.getRawPath();
        }
    }

    private final HttpClient http;
    private final ClientOptions options;
    private final EndpointPacer pacer;
    private final Semaphore inFlight;
    private final Semaphore candidateList = new Semaphore(1, true);
    private final ClientCounters counters;
    private final Redactor redactor;

    SrHttp(ClientOptions options, ClientCounters counters, Redactor redactor) {
        this.options = options;
        this.counters = counters;
        this.redactor = redactor;
        this.pacer = new EndpointPacer(options.requestsPerSecond(), options.sleeper());
        this.inFlight = new Semaphore(options.maxInFlight(), true);
        // Redirects are followed by hand (downloads only): the JDK would carry our auth header to the new host.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends and returns a 2xx answer (3xx too when {@code acceptRedirect}); anything else becomes an ApiException. */
    <T> HttpResponse<T> send(Call call, HttpResponse.BodyHandler<T> handler, boolean acceptRedirect) throws ApiException {
        int attempt = 0;
        boolean credentialRefreshed = false;
        boolean refusedRetried = false;
        while (true) {
            RequestAuth.Header authHeader = call.auth() == null ? null : call.auth().header();
            HttpRequest request;
            try {
                request = build(call, authHeader);
            } catch (IllegalArgumentException e) {
                // The JDK quotes the offending header value in its message, and that value may be the key: drop it.
                throw new ApiException(0, "INVALID_HEADER",
                        "The credential or a request value contains characters that cannot be sent");
            }
            HttpResponse<T> response;
            try {
                response = exchange(call, request, handler);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(0, "INTERRUPTED", "The request was cancelled", e);
            } catch (IOException e) {
                Failure failure = classify(call, e);
                boolean retry = attempt < options.maxRetries() && failure.retryable(call.retry());
                if (failure.refused()) {
                    // Refused means nothing listens there (offline, app not started): one quick retry, not five.
                    retry = retry && !refusedRetried;
                    refusedRetried = true;
                }
                if (!retry) {
                    throw new ApiException(0, failure.code(), failure.message(), e);
                }
                LOG.debug("{} failed ({}), retrying", call, failure.code());
                attempt++;
                pause(backoff(attempt));
                continue;
            }

            int status = response.statusCode();
            if (status >= 200 && status < 300 || acceptRedirect && status >= 300 && status < 400) {
                noteRemaining(call, response);
                return response;
            }
            String body = bodyText(response.body());
            if (status == 401 && authHeader != null) {
                if (!credentialRefreshed && call.auth().refreshAfter401(authHeader)) {
                    credentialRefreshed = true;
                    counters.retries.incrementAndGet();
                    continue;
                }
                SrJson.ErrorInfo info = SrJson.parseError(status, body);
                throw new ApiException(401, info.code() == null ? "UNAUTHORIZED" : clean(info.code(), call),
                        "SmartRecruiters refused the credentials (401)");
            }
            boolean rateLimited = status == 429;
            boolean serverBusy = status == 500 || status == 502 || status == 503 || status == 504;
            if (rateLimited) {
                counters.rateLimited.incrementAndGet();
            } else if (status >= 500) {
                counters.serverErrors.incrementAndGet();
            }
            if (rateLimited || serverBusy && call.retry() == RetryMode.ALWAYS) {
                Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        options.clock());
                boolean tooLong = retryAfter.isPresent() && retryAfter.get().compareTo(options.maxRetryAfter()) > 0;
                if (attempt < options.maxRetries() && !tooLong) {
                    attempt++;
                    Duration wait = backoff(attempt);
                    if (retryAfter.isPresent()) {
                        wait = retryAfter.get();
                        // The whole endpoint is closed for that long, not just this call: other threads wait too.
                        pacer.holdOff(call.endpoint(), wait);
                    } else if (rateLimited && remainingIsZero(response)) {
                        // Out of requests for this second: waiting less than the window only earns another 429.
                        wait = max(wait, Duration.ofSeconds(1));
                    }
                    LOG.debug("{} answered {}, retrying in {} ms", call, status, wait.toMillis());
                    pause(wait);
                    continue;
                }
            }
            throw httpError(call, status, body);
        }
    }

    private <T> HttpResponse<T> exchange(Call call, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        // Order matters: hold the one-candidate-listing permit first, wait for the pace, and only then take an
        // in-flight slot, so that no slot sits idle while its holder waits for the clock.
        boolean listing = CANDIDATE_LIST.equals(call.endpoint());
        if (listing) {
            candidateList.acquire();
        }
        try {
            pacer.acquire(call.endpoint());
            inFlight.acquire();
            try {
                counters.requests.incrementAndGet();
                LOG.debug("{} {}", call.method(), call.uri().getRawPath());
                return http.send(request, handler);
            } finally {
                inFlight.release();
            }
        } finally {
            if (listing) {
                candidateList.release();
            }
        }
    }

    private HttpRequest build(Call call, RequestAuth.Header authHeader) {
        HttpRequest.BodyPublisher publisher = call.binaryBody() != null
                ? HttpRequest.BodyPublishers.ofByteArray(call.binaryBody())
                : call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(options.requestTimeout())
                .method(call.method(), publisher)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (call.body() != null || call.binaryBody() != null) {
            b.header("Content-Type", call.contentType() == null ? "application/json; charset=utf-8" : call.contentType());
        }
        call.headers().forEach(b::setHeader);
        if (authHeader != null) {
            b.header(authHeader.name(), authHeader.value());
        }
        return b.build();
    }

    private void noteRemaining(Call call, HttpResponse<?> response) {
        if (remainingIsZero(response)) {
            // The window is spent: keep off this endpoint for one request's share of a second.
            long limit = response.headers().firstValueAsLong("X-RateLimit-Limit").orElse(10);
            pacer.holdOff(call.endpoint(), Duration.ofMillis(1000 / Math.max(1, limit)));
        }
    }

    private static boolean remainingIsZero(HttpResponse<?> response) {
        return response.headers().firstValue("X-RateLimit-Remaining").map(String::strip).filter("0"::equals).isPresent();
    }

    int maxRetries() {
        return options.maxRetries();
    }

    /** Waits the backoff of retry number {@code attempt} (1 = first retry) and counts the retry. */
    void pauseBeforeRetry(int attempt) throws ApiException {
        pause(backoff(attempt));
    }

    /** Full jitter: a random wait between 0 and the exponential ceiling, so retrying clients spread out. */
    private Duration backoff(int attempt) {
        long initial = Math.max(1, options.initialBackoff().toMillis());
        long ceiling = Math.min(options.maxBackoff().toMillis(), initial << Math.min(20, attempt - 1));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, ceiling) + 1));
    }

    private void pause(Duration d) throws ApiException {
        counters.retries.incrementAndGet();
        try {
            options.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "INTERRUPTED", "The request was cancelled", e);
        }
    }

    /**
     * @param refused   nothing listens there: the request surely was not processed, so even a plain POST may repeat
     * @param repeatable worth another try for a call that may be repeated
     */
    private record Failure(String code, String message, boolean refused, boolean repeatable) {
        boolean retryable(RetryMode mode) {
            return refused || repeatable && mode == RetryMode.ALWAYS;
        }
    }

    private Failure classify(Call call, IOException e) {
        String where = hostPort(call.uri());
        if (e instanceof HttpConnectTimeoutException) {
            counters.timeouts.incrementAndGet();
            return new Failure("TIMEOUT", "Cannot reach " + where + ": no answer within "
                    + seconds(options.connectTimeout()), false, true);
        }
        if (e instanceof HttpTimeoutException) {
            counters.timeouts.incrementAndGet();
            return new Failure("TIMEOUT", where + " did not answer within " + seconds(options.requestTimeout()),
                    false, true);
        }
        if (has(e, ConnectException.class)) {
            return new Failure("CONNECTION_REFUSED", "Cannot reach " + where + ": connection refused", true, true);
        }
        if (has(e, UnknownHostException.class) || has(e, UnresolvedAddressException.class)) {
            return new Failure("UNKNOWN_HOST", "Cannot reach " + where + ": unknown host", false, false);
        }
        if (has(e, SSLException.class)) {
            return new Failure("TLS", "Cannot reach " + where + ": the secure connection failed", false, false);
        }
        return new Failure("NETWORK", "Lost the connection to " + where, false, true);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private ApiException httpError(Call call, int status, String body) {
        SrJson.ErrorInfo info = SrJson.parseError(status, body);
        String code = info.code() == null ? defaultCode(status) : clean(info.code(), call);
        String detail = info.message() == null ? null : clean(info.message(), call);
        String message = switch (status) {
            case 403 -> "SmartRecruiters did not allow this (403)" + suffix(detail);
            case 404 -> "Not found in SmartRecruiters (404)" + suffix(detail);
            case 429 -> "SmartRecruiters is busy (rate limit reached); try again in a moment";
            default -> status >= 500
                    ? "SmartRecruiters had a problem (" + status + ")" + suffix(detail)
                    : (detail == null ? "SmartRecruiters answered " + status : detail + " (" + status + ")");
        };
        return new ApiException(status, code, message);
    }

    private static String suffix(String detail) {
        return detail == null ? "" : ": " + detail;
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            case 422 -> "UNPROCESSABLE";
            case 429 -> "RATE_LIMIT_EXCEEDED";
            default -> status >= 500 ? "SERVER_ERROR" : "HTTP_" + status;
        };
    }

    private String clean(String text, Call call) {
        String t = redactor.clean(text, call.secrets());
        return t.length() > 500 ? t.substring(0, 500) + "…" : t;
    }

    /** Reads an error answer's body, whatever the handler made of it, and never more than 64 KB. */
    private static String bodyText(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, 0, Math.min(bytes.length, MAX_ERROR_BODY), StandardCharsets.UTF_8);
        }
        if (body instanceof InputStream in) {
            try (in) {
                return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    static String hostPort(URI uri) {
        String host = uri.getHost() == null ? "the server" : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
