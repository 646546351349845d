package dev.recruitdesk.api;

import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.api.StubServer.Reply;
import dev.recruitdesk.api.TestSupport.RecordingSleeper;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client against a scripted stub of SmartRecruiters: paging, retries, limits, errors. */
class SmartRecruitersClientTest {

    private static final String API_KEY = "sk-live-7f3a9c2e1d";
    private static final String ORDERS = "/assessment-api/v202107/assessment-orders";
    private static final String ME_PATH = "/user-api/v201804/users/me";

    private StubServer stub;
    private RecordingSleeper sleeper;
    private SmartRecruitersClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        sleeper = new RecordingSleeper();
        client = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY), TestSupport.fast(sleeper).build());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    // ---- paging ---------------------------------------------------------------------------------------------------

    @Test
    void pagesThroughToTheEndIncludingAnEmptyStringNextPageId() throws Exception {
        String awkward = "cGFnZT0y+/=="; // base64 with the characters that break double encoding
        stub.on("/candidates", seen -> {
            String pageId = seen.param("pageId");
            if (pageId == null) {
                return Reply.json(200, TestSupport.candidatesPage(awkward, "c1", "c2"));
            }
            if (pageId.equals(awkward)) {
                return Reply.json(200, TestSupport.candidatesPage("p3", "c3", "c4"));
            }
            if (pageId.equals("p3")) {
                return Reply.json(200, TestSupport.candidatesPage("", "c5"));
            }
            return Reply.json(400, "{\"message\":\"bad pageId\",\"errors\":[{\"code\":\"INVALID_PAGE_ID\"}]}");
        });

        List<String> ids = new ArrayList<>();
        String pageId = null;
        int pages = 0;
        do {
            CandidatePage page = client.listCandidates(CandidateListQuery.all(2), pageId);
            page.content().forEach(c -> ids.add(c.id()));
            pageId = page.nextPageId();
            pages++;
        } while (pageId != null && pages < 10);

        assertThat(ids).containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(pages).isEqualTo(3);
        List<StubServer.Seen> requests = stub.requests("/candidates");
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).query()).doesNotContainKey("pageId");
        assertThat(requests.get(1).rawQuery()).contains("pageId=cGFnZT0y%2B%2F%3D%3D");
        assertThat(requests.get(1).param("limit")).isEqualTo("2");
        assertThat(requests.get(0).header("X-SmartToken")).isEqualTo(API_KEY);
    }

    @Test
    void emptyContentWithANextPageIdIsNotTheEnd() throws Exception {
        // SR has sent empty pages mid-listing: the page id is kept so the caller goes on (issue 4).
        stub.on("/candidates", Reply.json(200, TestSupport.candidatesPage("more")));
        CandidatePage page = client.listCandidates(CandidateListQuery.all(100), null);
        assertThat(page.content()).isEmpty();
        assertThat(page.nextPageId()).isEqualTo("more");
    }

    @Test
    void filtersAreRepeatedKeysAndDatesAreIso() throws Exception {
        stub.on("/candidates", Reply.json(200, TestSupport.candidatesPage(null, "c1")));
        Instant after = Instant.parse("2026-12-03T13:04:50.123Z");
        CandidatePage page = client.listCandidates(new CandidateListQuery(100, "Zoë Ana",
                List.of("job-1", "job 2"), List.of("NEW", "IN_REVIEW"), after), null);
        assertThat(page.totalFound()).isEqualTo(42);
        Candidate c = page.content().get(0);
        assertThat(c.applications()).singleElement().satisfies(a -> assertThat(a.subStatus()).isEqualTo("Skills Test"));

        StubServer.Seen seen = stub.requests("/candidates").get(0);
        assertThat(seen.rawQuery()).contains("jobId=job-1&jobId=job%202").contains("status=NEW&status=IN_REVIEW");
        assertThat(seen.query().get("q")).containsExactly("Zoë Ana");
        assertThat(seen.query().get("updatedAfter")).containsExactly("2026-12-03T13:04:50.123Z");
        assertThat(seen.query().get("limit")).containsExactly("100");
    }

    // ---- retries --------------------------------------------------------------------------------------------------

    @Test
    void rateLimitWithRetryAfterIsWaitedOutThenSucceeds() throws Exception {
        stub.on("/jobs/j1",
                Reply.json(429, "{\"message\":\"Too many\",\"errors\":[{\"code\":\"RATE_LIMIT_EXCEEDED\"}]}")
                        .withHeader("Retry-After", "2"),
                Reply.json(200, "{\"id\":\"j1\",\"title\":\"Engineer\",\"status\":\"SOURCING\"}"));
        assertThat(client.job("j1").title()).isEqualTo("Engineer");
        assertThat(stub.requests("/jobs/j1")).hasSize(2);
        assertThat(sleeper.waits).as("Retry-After honoured").contains(Duration.ofSeconds(2));
        assertThat(client.stats().rateLimited()).isEqualTo(1);
        assertThat(client.stats().retries()).isEqualTo(1);
        assertThat(client.stats().requests()).isEqualTo(2);
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOffThenSucceeds() throws Exception {
        stub.on("/jobs/j1",
                Reply.json(429, "{\"message\":\"Too many\",\"errors\":[{\"code\":\"RATE_LIMIT_EXCEEDED\"}]}"),
                Reply.json(429, "{\"message\":\"Too many\",\"errors\":[{\"code\":\"RATE_LIMIT_EXCEEDED\"}]}"),
                Reply.json(200, "{\"id\":\"j1\",\"title\":\"Engineer\"}"));
        assertThat(client.job("j1").id()).isEqualTo("j1");
        assertThat(stub.requests("/jobs/j1")).hasSize(3);
        assertThat(sleeper.waits).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(20)));
    }

    @Test
    void rateLimitWithRemainingZeroWaitsAWholeWindow() throws Exception {
        stub.on("/jobs/j1",
                Reply.json(429, "{\"errors\":[{\"code\":\"RATE_LIMIT_EXCEEDED\"}]}").withHeader("X-RateLimit-Remaining", "0"),
                Reply.json(200, "{\"id\":\"j1\"}"));
        client.job("j1");
        assertThat(sleeper.longest()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsAtOnce() {
        stub.on("/jobs/j1", Reply.json(429, "{\"errors\":[{\"code\":\"RATE_LIMIT_EXCEEDED\"}]}").withHeader("Retry-After", "3600"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.job("j1"));
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(stub.requests("/jobs/j1")).hasSize(1);
    }

    @Test
    void serviceUnavailableThenSuccess() throws Exception {
        stub.on("/candidates/c1", Reply.status(503), Reply.json(502, "<html>Bad gateway</html>"),
                Reply.json(200, "{\"id\":\"c1\",\"firstName\":\"Ana\",\"lastName\":\"Ruiz\"}"));
        assertThat(client.candidate("c1").displayName()).isEqualTo("Ana Ruiz");
        assertThat(stub.requests("/candidates/c1")).hasSize(3);
        assertThat(client.stats().serverErrors()).isEqualTo(2);
    }

    @Test
    void persistentServerErrorGivesUpAfterMaxRetries() {
        stub.on("/candidates/c1", Reply.json(500, "<html>oops</html>"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.candidate("c1"));
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.code()).isEqualTo("SERVER_ERROR");
        assertThat(e.getMessage()).isEqualTo("SmartRecruiters had a problem (500)");
        assertThat(stub.requests("/candidates/c1")).hasSize(1 + 5);
    }

    @Test
    void unauthorizedIsNotRetried() {
        stub.on("/candidates/c1", Reply.json(401,
                "{\"message\":\"Invalid or missing credentials\",\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad key\"}]}"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.candidate("c1"));
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("UNAUTHORIZED");
        assertThat(e.getMessage()).isEqualTo("SmartRecruiters refused the credentials (401)");
        assertThat(stub.requests("/candidates/c1")).hasSize(1);
    }

    @Test
    void timeoutIsRetriedThenFailsWithStatusZero() {
        client = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY),
                TestSupport.fast(sleeper).requestTimeout(Duration.ofMillis(200)).maxRetries(2).build());
        stub.on("/candidates/c1", Reply.json(200, "{\"id\":\"c1\"}").delayed(1_000));
        long start = System.nanoTime();
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.candidate("c1"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.isNetwork()).isTrue();
        assertThat(e.code()).isEqualTo("TIMEOUT");
        assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + stub.base().getPort() + " did not answer within 0.2 s");
        assertThat(client.stats().timeouts()).isEqualTo(3);
        assertThat(millis).isBetween(550L, 3_000L);
    }

    @Test
    void connectionRefusedFailsQuicklyWithStatusZero() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // Real backoff settings: "quickly" must hold without the test's shortcuts.
        SmartRecruitersClient offline = new SmartRecruitersClient(URI.create("http://127.0.0.1:" + port),
                new Credentials.ApiKey(API_KEY), ClientOptions.defaults());
        stub.on(ME_PATH, Reply.json(200, "{\"email\":\"warm@example.com\"}"));
        client.whoAmI(); // load the HTTP classes first, so the timing below measures the retry policy only
        long start = System.nanoTime();
        ApiException e = catchThrowableOfType(ApiException.class, offline::whoAmI);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.code()).isEqualTo("CONNECTION_REFUSED");
        assertThat(e.getMessage()).isEqualTo("Cannot reach 127.0.0.1:" + port + ": connection refused");
        assertThat(offline.stats().requests()).as("one retry at most").isEqualTo(2);
        assertThat(millis).as("at most one short backoff").isLessThan(1_500);
    }

    @Test
    void connectionDroppedIsRetriedForReadsButNotForAPlainPost() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var socket = server.accept()) {
                        accepted.incrementAndGet();
                        socket.getInputStream().read(new byte[4096]);
                        socket.setSoLinger(true, 0); // close with a reset: the request was read, no answer comes
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "dropping-server");
            acceptor.setDaemon(true);
            acceptor.start();
            SmartRecruitersClient dropped = new SmartRecruitersClient(URI.create("http://127.0.0.1:" + server.getLocalPort()),
                    new Credentials.ApiKey(API_KEY), TestSupport.fast(sleeper).maxRetries(2).build());

            ApiException read = catchThrowableOfType(ApiException.class, () -> dropped.candidate("c1"));
            assertThat(read.httpStatus()).isZero();
            assertThat(read.code()).isEqualTo("NETWORK");
            assertThat(read.getMessage()).isEqualTo("Lost the connection to 127.0.0.1:" + server.getLocalPort());
            assertThat(dropped.stats().requests()).isEqualTo(3);
            // The JDK's HttpClient itself repeats a GET once when a fresh connection drops before any answer.
            assertThat(accepted.get()).isBetween(3, 6);

            accepted.set(0);
            ApiException post = catchThrowableOfType(ApiException.class,
                    () -> dropped.connectIntegration("trigger-token-abcdef", "admin@example.com"));
            assertThat(post.httpStatus()).isZero();
            assertThat(accepted.get()).as("it may have been processed: not sent again").isEqualTo(1);
        }
    }

    // ---- limits ---------------------------------------------------------------------------------------------------

    @Test
    void oneCandidateListingInFlightEvenFromFourThreads() throws Exception {
        stub.on("/candidates", Reply.json(200, TestSupport.candidatesPage(null, "c1")).delayed(40));
        stub.on("/candidates/c1", Reply.json(200, "{\"id\":\"c1\"}").delayed(40));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                work.add(() -> {
                    client.candidate("c1");
                    for (int k = 0; k < 3; k++) {
                        client.listCandidates(CandidateListQuery.all(100), null);
                    }
                    return null;
                });
            }
            for (Future<Object> f : pool.invokeAll(work, 30, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stub.requests("/candidates")).hasSize(12);
        assertThat(stub.maxConcurrent("/candidates")).isEqualTo(1);
        // The stub can see overlap: other endpoints do run side by side.
        assertThat(stub.maxConcurrent("/candidates/c1")).isGreaterThan(1);
    }

    @Test
    void neverMoreThanMaxInFlight() throws Exception {
        client = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY),
                TestSupport.fast(sleeper).maxInFlight(3).build());
        stub.on("/candidates/c1", Reply.json(200, "{\"id\":\"c1\"}").delayed(30));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Candidate>> work = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                work.add(() -> client.candidate("c1"));
            }
            for (Future<Candidate> f : pool.invokeAll(work, 30, TimeUnit.SECONDS)) {
                assertThat(f.get().id()).isEqualTo("c1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stub.maxConcurrentOverall()).isBetween(2, 3);
    }

    @Test
    void pacingKeepsAnEndpointUnderItsRate() throws Exception {
        client = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY),
                TestSupport.fast(ClientOptions.Sleeper.REAL).requestsPerSecond(20).build());
        stub.on("/candidates/c1", Reply.json(200, "{\"id\":\"c1\"}"));
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            client.candidate("c1");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // 11 calls at 20/s: 10 gaps of 50 ms.
        assertThat(millis).isGreaterThanOrEqualTo(480);
    }

    // ---- orders ---------------------------------------------------------------------------------------------------

    @Test
    void placeOrderSendsTheSameIdempotencyKeyOnEveryRetry() throws Exception {
        client = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY),
                TestSupport.fast(sleeper).requestTimeout(Duration.ofMillis(300)).build());
        String order = "{\"id\":\"o-1\",\"applicationId\":\"a-1\",\"status\":\"SENT\",\"partner\":{\"id\":\"p\",\"name\":\"P\"},"
                + "\"package\":{\"id\":\"pk\",\"name\":\"Java\"}}";
        stub.on(ORDERS, Reply.status(503), Reply.json(201, order).delayed(1_000), Reply.json(200, order));
        AssessmentOrder placed = client.placeOrder("a-1", "p", "pk", "recruiter@example.com", "key-123");
        assertThat(placed.id()).isEqualTo("o-1");
        assertThat(placed.idempotencyKey()).isEqualTo("key-123");
        List<StubServer.Seen> posts = stub.requests(ORDERS);
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(s -> s.header("Idempotency-Key")).containsOnly("key-123");
        Map<String, Object> body = SrJson.MAPPER.readValue(posts.get(0).body(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(body).containsEntry("applicationId", "a-1").containsEntry("packageId", "pk")
                .containsEntry("partnerId", "p").containsEntry("requester", Map.of("email", "recruiter@example.com"));
        assertThat(posts.get(0).header("Content-Type")).startsWith("application/json");
    }

    @Test
    void connectingTheIntegrationIsNotRepeatedAfterAServerError() {
        stub.on("/assessment-api/v202107/integrations/stackone", Reply.status(503));
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.connectIntegration("trigger-token-abcdef", "admin@example.com"));
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(stub.requests("/assessment-api/v202107/integrations/stackone")).hasSize(1);
    }

    @Test
    void connectingTheIntegrationIsNotRepeatedAfterATimeout() {
        client = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY),
                TestSupport.fast(sleeper).requestTimeout(Duration.ofMillis(200)).build());
        stub.on("/assessment-api/v202107/integrations/stackone", Reply.json(200, "{\"status\":\"CONNECTED\"}").delayed(1_000));
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.connectIntegration("trigger-token-abcdef", "admin@example.com"));
        assertThat(e.code()).isEqualTo("TIMEOUT");
        assertThat(stub.requests("/assessment-api/v202107/integrations/stackone")).hasSize(1);
        assertThat(client.stats().retries()).isZero();
    }

    @Test
    void anEmptyWindowHoldsTheEndpointBackBrieflyAfterASuccess() throws Exception {
        client = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY),
                TestSupport.fast(ClientOptions.Sleeper.REAL).requestsPerSecond(1000).build());
        stub.on("/jobs/j1", Reply.json(200, "{\"id\":\"j1\"}").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Limit", "4"));
        long start = System.nanoTime();
        client.job("j1");
        client.job("j1");
        client.job("j1");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Limit 4/s: each call after an exhausted window waits a quarter second.
        assertThat(millis).isGreaterThanOrEqualTo(480);
        assertThat(client.stats().rateLimited()).isZero();
    }

    @Test
    void ordersWithoutApplicationIdAskNothing() throws Exception {
        assertThat(client.orders(null)).isEmpty();
        assertThat(stub.requests()).isEmpty();
        stub.on(ORDERS, Reply.json(200, "{\"totalFound\":1,\"content\":[{\"id\":\"o-1\",\"status\":\"IN_PROGRESS\"}]}"));
        assertThat(client.orders("a 1")).singleElement().satisfies(o -> assertThat(o.status().raw()).isEqualTo("IN_PROGRESS"));
        assertThat(stub.requests(ORDERS).get(0).rawQuery()).isEqualTo("applicationId=a%201");
    }

    // ---- errors ---------------------------------------------------------------------------------------------------

    @Test
    void errorBodiesBecomeApiExceptions() throws IOException {
        var examples = ExamplePayloadsTest.examples();
        stub.on("/jobs/j404", Reply.json(404, Files.readString(examples.resolve("error-404.slink-fixture.json"))));
        stub.on("/jobs/j400", Reply.json(400, Files.readString(examples.resolve("error-400.marketplace-api-legacy.sr-docs.json"))));
        stub.on("/jobs/j409", Reply.json(409, "{\"message\":\"Integration is not connected\",\"errors\":[{\"code\":\"INTEGRATION_NOT_CONNECTED\"}]}"));
        stub.on("/jobs/j422", new Reply(422, Map.of("Content-Type", "text/plain"), "nope", 0));

        ApiException notFound = catchThrowableOfType(ApiException.class, () -> client.job("j404"));
        assertThat(notFound.httpStatus()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("some code");
        assertThat(notFound.getMessage()).isEqualTo("Not found in SmartRecruiters (404): some return message");

        ApiException legacy = catchThrowableOfType(ApiException.class, () -> client.job("j400"));
        assertThat(legacy.code()).isEqualTo("invalid_industry");
        assertThat(legacy.getMessage()).isEqualTo("Industry id is invalid: computer_scienc (400)");

        ApiException conflict = catchThrowableOfType(ApiException.class, () -> client.job("j409"));
        assertThat(conflict.code()).isEqualTo("INTEGRATION_NOT_CONNECTED");

        ApiException plain = catchThrowableOfType(ApiException.class, () -> client.job("j422"));
        assertThat(plain.code()).isEqualTo("UNPROCESSABLE");
        assertThat(plain.getMessage()).isEqualTo("SmartRecruiters answered 422");
    }

    @Test
    void unreadableSuccessBodyIsAnApiException() {
        stub.on("/jobs/j1", Reply.json(200, "<html>maintenance</html>"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.job("j1"));
        assertThat(e.code()).isEqualTo("BAD_RESPONSE");
    }

    // ---- downloads ------------------------------------------------------------------------------------------------

    @Test
    void downloadSendsTheKeyOnlyToSmartRecruiters() throws Exception {
        stub.on("/file", new Reply(200, Map.of("Content-Type", "application/pdf"), "%PDF-1.4 same", 0));
        try (StubServer other = new StubServer()) {
            other.on("/file", new Reply(200, Map.of("Content-Type", "application/pdf"), "%PDF-1.4 other", 0));
            try (InputStream in = client.download(stub.base() + "/file")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 same");
            }
            try (InputStream in = client.download(other.base() + "/file")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 other");
            }
            assertThat(stub.requests("/file").get(0).header("X-SmartToken")).isEqualTo(API_KEY);
            assertThat(stub.requests("/file").get(0).headers().get("Accept")).containsExactly("*/*");
            assertThat(other.requests("/file").get(0).header("X-SmartToken")).isNull();
            assertThat(other.requests("/file").get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void downloadFollowsARedirectWithoutCarryingTheKey() throws Exception {
        try (StubServer other = new StubServer()) {
            other.on("/report.pdf", new Reply(200, Map.of(), "%PDF elsewhere", 0));
            stub.on("/file", new Reply(302, Map.of("Location", other.base() + "/report.pdf"), null, 0));
            try (InputStream in = client.download(stub.base() + "/file")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF elsewhere");
            }
            assertThat(other.requests("/report.pdf").get(0).header("X-SmartToken")).isNull();
        }
    }

    @Test
    void downloadRejectsAnythingButWebLinks() {
        for (String url : new String[]{"file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "", "http://"}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> client.download(url));
            assertThat(e).as(url).isNotNull();
            assertThat(e.httpStatus()).isZero();
            assertThat(e.code()).isEqualTo("INVALID_URL");
        }
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aForeignHostRefusingADownloadIsNotAboutOurCredentials() throws Exception {
        try (StubServer other = new StubServer()) {
            other.on("/file", Reply.json(401, "{\"message\":\"sign in first\"}"));
            ApiException e = catchThrowableOfType(ApiException.class, () -> client.download(other.base() + "/file"));
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain("credentials");
        }
    }

    @Test
    void downloadErrorIsAnApiException() {
        stub.on("/missing", Reply.json(404, "{\"message\":\"no such attachment\",\"errors\":[{\"code\":\"NOT_FOUND\"}]}"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.download(stub.base() + "/missing"));
        assertThat(e.httpStatus()).isEqualTo(404);
    }
}
