package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorAuthAndLimitsTest {

    private static Simulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(50).partnerPace(Duration.ofHours(1)).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void wrongOrMissingKeyIsRefusedWithTheSmartRecruitersErrorBody() {
        for (SimClient client : List.of(new SimClient(sim.baseUrl(), "wrong-key"), new SimClient(sim.baseUrl(), null))) {
            HttpResponse<byte[]> r = client.get("/user-api/v201804/users/me");
            assertThat(r.statusCode()).isEqualTo(401);
            JsonNode body = SimClient.tree(r);
            assertThat(body.path("message").asText()).isEqualTo("Invalid or missing credentials");
            assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(body.path("errors").get(0).path("message").asText()).isNotBlank();
            assertThat(r.headers().firstValue("X-RateLimit-Limit")).isPresent();
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(sim.apiKey());
        }
    }

    @Test
    void apiKeyAndOauthBearerBothWork() {
        JsonNode me = new SimClient(sim).getJson("/user-api/v201804/users/me");
        assertThat(me.path("email").asText()).isEqualTo(sim.recruiterEmail());
        assertThat(me.path("role").asText()).isNotBlank();

        SimClient anonymous = new SimClient(sim.baseUrl(), null);
        String form = "grant_type=client_credentials&client_id=" + SimClient.enc(sim.oauthClientId())
                + "&client_secret=" + SimClient.enc(sim.oauthClientSecret());
        HttpResponse<byte[]> token = anonymous.send(anonymous.request("/identity/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode t = SimClient.tree(token);
        assertThat(t.path("token_type").asText()).isEqualTo("bearer");
        assertThat(t.path("expires_in").asInt()).isEqualTo(3600);
        HttpResponse<byte[]> me2 = anonymous.send(anonymous.request("/user-api/v201804/users/me")
                .header("Authorization", "Bearer " + t.path("access_token").asText()).GET().build());
        assertThat(me2.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> bad = anonymous.send(anonymous.request("/identity/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=x&client_secret=y"))
                .build());
        assertThat(bad.statusCode()).isEqualTo(401);
        HttpResponse<byte[]> forged = anonymous.send(anonymous.request("/candidates")
                .header("Authorization", "Bearer not-a-token").GET().build());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        SimClient client = new SimClient(sim);
        HttpResponse<byte[]> missing = client.get("/no/such/thing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SimClient.tree(missing).path("errors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");
        HttpResponse<byte[]> wrong = client.send(client.request("/candidates")
                .DELETE().build());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aBurstAboveTenPerSecondOnOneEndpointGets429WithHeaders() {
        SimClient client = new SimClient(sim);
        List<HttpResponse<byte[]>> responses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            responses.add(client.get("/configuration/hiring-processes"));
        }
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
            assertThat(r.headers().firstValue("X-RateLimit-Remaining")).isPresent();
            assertThat(r.headers().firstValue("X-RateLimit-Concurrent-Limit")).isPresent();
            assertThat(r.headers().firstValue("X-RateLimit-Concurrent-Remaining")).isPresent();
        });
        HttpResponse<byte[]> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in a burst of 25"));
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(SimClient.tree(limited).path("errors").get(0).path("code").asText())
                .isEqualTo("RATE_LIMIT_EXCEEDED");
        // Another endpoint has its own budget.
        assertThat(client.get("/user-api/v201804/users/me").statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentCandidateListingsAreLimitedToOneInFlight() throws Exception {
        // A generous per-second budget isolates the in-flight limit; parallel listings released together overlap
        // on the server, and the overlapping ones get 429. Timing-dependent, so a few rounds are allowed.
        try (Simulator fast = Simulator.start(SimulatorConfig.builder().candidates(500)
                .perEndpointRatePerSecond(10_000).partnerPace(Duration.ofHours(1)).build())) {
            SimClient client = new SimClient(fast);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<HttpResponse<byte[]>> all = new ArrayList<>();
                for (int round = 0; round < 10 && all.stream().noneMatch(r -> r.statusCode() == 429); round++) {
                    CountDownLatch gate = new CountDownLatch(1);
                    List<Future<HttpResponse<byte[]>>> calls = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        calls.add(pool.submit(() -> {
                            gate.await();
                            return client.get("/candidates?limit=100");
                        }));
                    }
                    gate.countDown();
                    for (Future<HttpResponse<byte[]>> c : calls) {
                        all.add(c.get(20, TimeUnit.SECONDS));
                    }
                }
                assertThat(all).extracting(HttpResponse::statusCode).contains(200, 429).containsOnly(200, 429);
                HttpResponse<byte[]> limited = all.stream().filter(r -> r.statusCode() == 429).findFirst().get();
                assertThat(limited.headers().firstValue("X-RateLimit-Concurrent-Limit")).hasValue("1");
                assertThat(SimClient.tree(limited).path("errors").get(0).path("code").asText())
                        .isEqualTo("RATE_LIMIT_EXCEEDED");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aSequentialClientNeverMeetsItsOwnPreviousListingInFlight() throws Exception {
        try (Simulator fast = Simulator.start(SimulatorConfig.builder().candidates(300)
                .perEndpointRatePerSecond(10_000).partnerPace(Duration.ofHours(1)).build())) {
            SimClient client = new SimClient(fast);
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                codes.add(client.get("/candidates?limit=100").statusCode());
            }
            assertThat(codes).containsOnly(200);
        }
    }
}
