package dev.recruitdesk.api;

import dev.recruitdesk.api.StubServer.Reply;
import dev.recruitdesk.api.TestSupport.MutableClock;
import dev.recruitdesk.api.TestSupport.RecordingSleeper;
import dev.recruitdesk.domain.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** OAuth client credentials (fetch once, reuse, refresh) and the rule that no secret ever shows in a message. */
class OAuthAndSecretsTest {

    private static final String TOKEN_PATH = "/identity/oauth/token";
    private static final String ME = "/user-api/v201804/users/me";
    private static final String CLIENT_SECRET = "oauth-secret-Qw9zX1";
    private static final String API_KEY = "sk-live-4b1d9e0f77";
    private static final String TRIGGER = "ett-7Hq2Lm9Pz4";

    private StubServer stub;
    private RecordingSleeper sleeper;
    private MutableClock clock;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        sleeper = new RecordingSleeper();
        clock = new MutableClock(Instant.parse("2026-12-03T13:00:00Z"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private SmartRecruitersClient oauthClient() {
        return new SmartRecruitersClient(stub.base(), new Credentials.OAuthClient("client-1", CLIENT_SECRET),
                TestSupport.fast(sleeper).clock(clock).build());
    }

    private static Reply token(String value, int expiresIn) {
        return Reply.json(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}");
    }

    @Test
    void tokenIsFetchedOnceAndReusedAcrossThreads() throws Exception {
        stub.on(TOKEN_PATH, token("tok-AAAA1111", 3600).delayed(50));
        stub.on(ME, Reply.json(200, "{\"id\":\"u1\",\"email\":\"ana@example.com\"}"));
        SmartRecruitersClient client = oauthClient();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                work.add(client::whoAmI);
            }
            for (Future<String> f : pool.invokeAll(work, 30, TimeUnit.SECONDS)) {
                assertThat(f.get()).isEqualTo("ana@example.com");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stub.requests(TOKEN_PATH)).hasSize(1);
        StubServer.Seen tokenRequest = stub.requests(TOKEN_PATH).get(0);
        assertThat(tokenRequest.method()).isEqualTo("POST");
        assertThat(tokenRequest.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(StubServer.decode(tokenRequest.body())).containsEntry("grant_type", List.of("client_credentials"))
                .containsEntry("client_id", List.of("client-1")).containsEntry("client_secret", List.of(CLIENT_SECRET));
        assertThat(stub.requests(ME)).hasSize(8).extracting(s -> s.header("Authorization")).containsOnly("Bearer tok-AAAA1111");
    }

    @Test
    void tokenIsRefreshedSixtySecondsBeforeItExpires() throws Exception {
        AtomicInteger n = new AtomicInteger();
        stub.on(TOKEN_PATH, s -> token("tok-" + n.incrementAndGet() + "-XYZW", 3600));
        stub.on(ME, Reply.json(200, "{\"email\":\"ana@example.com\"}"));
        SmartRecruitersClient client = oauthClient();
        client.whoAmI();
        clock.advance(Duration.ofSeconds(3539));
        client.whoAmI();
        assertThat(stub.requests(TOKEN_PATH)).as("still fresh at 3539 s").hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        client.whoAmI();
        assertThat(stub.requests(TOKEN_PATH)).hasSize(2);
        assertThat(stub.requests(ME)).extracting(s -> s.header("Authorization"))
                .containsExactly("Bearer tok-1-XYZW", "Bearer tok-1-XYZW", "Bearer tok-2-XYZW");
    }

    @Test
    void aRejectedTokenIsReplacedOnce() throws Exception {
        AtomicInteger n = new AtomicInteger();
        stub.on(TOKEN_PATH, s -> token("tok-" + n.incrementAndGet() + "-ABCD", 3600));
        stub.on(ME, s -> "Bearer tok-2-ABCD".equals(s.header("Authorization"))
                ? Reply.json(200, "{\"email\":\"ana@example.com\"}")
                : Reply.json(401, "{\"message\":\"Invalid or missing credentials\",\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}"));
        assertThat(oauthClient().whoAmI()).isEqualTo("ana@example.com");
        assertThat(stub.requests(TOKEN_PATH)).hasSize(2);
        assertThat(stub.requests(ME)).hasSize(2);
    }

    @Test
    void aTokenRejectedTwiceIsAnUnauthorizedError() {
        AtomicInteger n = new AtomicInteger();
        stub.on(TOKEN_PATH, s -> token("tok-" + n.incrementAndGet() + "-EFGH", 3600));
        stub.on(ME, Reply.json(401, "{\"message\":\"Invalid or missing credentials\",\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> oauthClient().whoAmI());
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("SmartRecruiters refused the credentials (401)");
        assertThat(stub.requests(ME)).hasSize(2);
        assertThat(stub.requests(TOKEN_PATH)).hasSize(2);
    }

    @Test
    void aRefusedClientSecretIsAnUnauthorizedErrorWithoutTheSecret() {
        stub.on(TOKEN_PATH, Reply.json(400, "{\"error\":\"invalid_client\",\"error_description\":\"Bad secret "
                + CLIENT_SECRET + "\"}"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> oauthClient().whoAmI());
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("invalid_client");
        assertThat(e.getMessage()).isEqualTo("SmartRecruiters refused the credentials (401)");
        assertThat(stub.requests(ME)).isEmpty();
    }

    @Test
    void noSecretAppearsInAnyMessage() throws Exception {
        SmartRecruitersClient keyClient = new SmartRecruitersClient(stub.base(), new Credentials.ApiKey(API_KEY),
                TestSupport.fast(sleeper).maxRetries(1).requestTimeout(Duration.ofMillis(200)).build());
        // Servers echo what they were sent: each client must hide whatever secret it holds.
        String echo = "{\"message\":\"Key " + API_KEY + " is not valid here\",\"errors\":[{\"code\":\"ECHO_" + API_KEY + "\",\"message\":\"" + API_KEY + "\"}]}";
        stub.on("/jobs/e400", Reply.json(400, echo));
        stub.on("/jobs/e401", Reply.json(401, echo));
        stub.on("/jobs/e403", Reply.json(403, echo));
        stub.on("/jobs/e404", Reply.json(404, echo));
        stub.on("/jobs/e429", Reply.json(429, echo));
        stub.on("/jobs/e500", Reply.json(500, echo));
        stub.on("/jobs/slow", Reply.json(200, "{}").delayed(1_000));
        stub.on("/assessment-api/v202107/integrations/stackone", Reply.json(400,
                "{\"message\":\"Token " + TRIGGER + " is not valid\",\"errors\":[{\"code\":\"INVALID_EXTERNAL_TRIGGER_TOKEN\"}]}"));

        List<ApiException> failures = new ArrayList<>();
        for (String id : List.of("e400", "e401", "e403", "e404", "e429", "e500", "slow")) {
            failures.add(fail(() -> keyClient.job(id)));
        }
        ApiException trigger = fail(() -> keyClient.connectIntegration(TRIGGER, "admin@example.com"));
        assertThat(trigger.code()).isEqualTo("INVALID_EXTERNAL_TRIGGER_TOKEN");
        failures.add(trigger);
        // Once the client has been given the trigger token, it hides it in later answers too.
        stub.on("/jobs/later", Reply.json(400, "{\"message\":\"Token " + TRIGGER + " again\"}"));
        failures.add(fail(() -> keyClient.job("later")));

        stub.on(TOKEN_PATH, Reply.json(401, "{\"message\":\"secret " + CLIENT_SECRET + " refused\"}"));
        failures.add(fail(() -> oauthClient().whoAmI()));
        stub.on(TOKEN_PATH, token("tok-SECRETBEARER", 3600));
        stub.on(ME, Reply.json(403, "{\"message\":\"Bearer tok-SECRETBEARER lacks scope\",\"errors\":[{\"code\":\"FORBIDDEN\"}]}"));
        failures.add(fail(() -> oauthClient().whoAmI()));

        SmartRecruitersClient unsendable = new SmartRecruitersClient(stub.base(),
                new Credentials.ApiKey("sk-\u0001-" + API_KEY), TestSupport.fast(sleeper).build());
        ApiException badKey = fail(unsendable::whoAmI);
        assertThat(badKey.code()).isEqualTo("INVALID_HEADER");
        failures.add(badKey);

        SmartRecruitersClient pastedWithNewline = new SmartRecruitersClient(stub.base(),
                new Credentials.ApiKey(" " + API_KEY.substring(0, 5) + "\n" + API_KEY.substring(5) + "\n"),
                TestSupport.fast(sleeper).build());
        stub.on(ME, Reply.json(200, "{\"email\":\"ana@example.com\"}"));
        assertThat(pastedWithNewline.whoAmI()).isEqualTo("ana@example.com");
        assertThat(stub.requests(ME).get(stub.requests(ME).size() - 1).header("X-SmartToken")).isEqualTo(API_KEY);

        SmartRecruitersClient offline = new SmartRecruitersClient(URI.create("http://127.0.0.1:1"),
                new Credentials.ApiKey(API_KEY), TestSupport.fast(sleeper).build());
        failures.add(fail(offline::whoAmI));
        failures.add(fail(() -> keyClient.download("file:///" + API_KEY)));

        assertThat(failures).hasSize(14).allSatisfy(e -> {
            for (String secret : List.of(API_KEY, TRIGGER, CLIENT_SECRET, "tok-SECRETBEARER")) {
                assertThat(e.getMessage()).as("message").doesNotContain(secret);
                assertThat(e.toString()).as("toString").doesNotContain(secret);
                assertThat(String.valueOf(e.code())).as("code").doesNotContain(secret);
            }
        });
        assertThat(failures.get(0).getMessage()).contains("****");
        assertThat(keyClient.toString()).doesNotContain(API_KEY);
        assertThat(new Credentials.OAuthClient("c", CLIENT_SECRET).toString()).doesNotContain(CLIENT_SECRET);
    }

    private static ApiException fail(Executable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::execute);
        assertThat(e).as("an ApiException").isNotNull();
        return e;
    }
}
