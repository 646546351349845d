package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorAssessmentsTest {

    private static final String API = "/assessment-api/v202107";

    private Simulator sim;
    private SimClient client;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(60).rateLimit(false)
                .partnerPace(Duration.ofHours(1)).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void connect() {
        HttpResponse<byte[]> r = client.postJson(API + "/integrations/stackone",
                "{\"externalTriggerToken\":\"" + sim.triggerToken() + "\",\"email\":\"" + sim.recruiterEmail() + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** The application id of the first listed candidate's primary assignment, plus candidate and job ids. */
    private String[] someApplication() {
        JsonNode c = client.getJson("/candidates?limit=1").path("content").get(0);
        String candidateId = c.path("id").asText();
        String jobId = c.path("primaryAssignment").path("job").path("id").asText();
        String appId = client.getJson("/candidates/" + candidateId + "/jobs/" + jobId).path("id").asText();
        return new String[] {appId, candidateId, jobId};
    }

    private JsonNode partnerByName(String name) {
        for (JsonNode p : client.getJson(API + "/partners").path("content")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no partner " + name);
    }

    private JsonNode packageByName(String partnerId, String name) {
        for (JsonNode p : client.getJson(API + "/partners/" + partnerId + "/packages").path("content")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no package " + name);
    }

    private HttpResponse<byte[]> place(String key, String appId, String partnerId, String packageId) {
        String body = "{\"applicationId\":\"" + appId + "\",\"partnerId\":\"" + partnerId + "\",\"packageId\":\""
                + packageId + "\",\"requester\":{\"email\":\"" + sim.recruiterEmail() + "\"}}";
        return key == null ? client.postJson(API + "/assessment-orders", body)
                : client.postJson(API + "/assessment-orders", body, "Idempotency-Key", key);
    }

    @Test
    void integrationGatesPartnersUntilConnectedWithTheRightToken() {
        JsonNode state = client.getJson(API + "/integrations/stackone");
        assertThat(state.path("status").asText()).isEqualTo("NOT_CONNECTED");
        HttpResponse<byte[]> gated = client.get(API + "/partners");
        assertThat(gated.statusCode()).isEqualTo(409);
        assertThat(SimClient.tree(gated).path("errors").get(0).path("code").asText())
                .isEqualTo("INTEGRATION_NOT_CONNECTED");
        assertThat(place(UUID.randomUUID().toString(), "a", "b", "c").statusCode()).isEqualTo(409);

        HttpResponse<byte[]> wrong = client.postJson(API + "/integrations/stackone",
                "{\"externalTriggerToken\":\"nope\",\"email\":\"" + sim.recruiterEmail() + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(SimClient.tree(wrong).path("errors").get(0).path("code").asText())
                .isEqualTo("INVALID_EXTERNAL_TRIGGER_TOKEN");
        assertThat(new String(wrong.body(), StandardCharsets.UTF_8)).doesNotContain(sim.triggerToken());
        HttpResponse<byte[]> badEmail = client.postJson(API + "/integrations/stackone",
                "{\"externalTriggerToken\":\"" + sim.triggerToken() + "\",\"email\":\"not-an-email\"}");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(SimClient.tree(badEmail).path("errors").get(0).path("code").asText()).isEqualTo("INVALID_EMAIL");

        connect();
        JsonNode connected = client.getJson(API + "/integrations/stackone");
        assertThat(connected.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(connected.path("email").asText()).isEqualTo(sim.recruiterEmail());
        JsonNode partners = client.getJson(API + "/partners");
        assertThat(partners.path("totalFound").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(partners.toString()).contains("SKILLS_TEST", "PERSONALITY", "BACKGROUND_CHECK");
        for (JsonNode p : partners.path("content")) {
            JsonNode packages = client.getJson(API + "/partners/" + p.path("id").asText() + "/packages");
            assertThat(packages.path("content").size()).isBetween(2, 5);
            assertThat(packages.path("content").get(0).path("expectedMinutes").asInt()).isPositive();
        }
        assertThat(client.get(API + "/partners/nope/packages").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> disconnected = client.send(client.request(API + "/integrations/stackone").DELETE().build());
        assertThat(disconnected.statusCode()).isEqualTo(204);
        assertThat(client.get(API + "/partners").statusCode()).isEqualTo(409);
    }

    @Test
    void placingWithTheSameIdempotencyKeyGivesTheSameOrderOnce() {
        connect();
        String[] app = someApplication();
        JsonNode partner = partnerByName("SkillCheck");
        JsonNode pkg = packageByName(partner.path("id").asText(), "Java Backend (Senior)");
        int before = client.getJson(API + "/assessment-orders?applicationId=" + app[0]).path("totalFound").asInt();

        assertThat(place(null, app[0], partner.path("id").asText(), pkg.path("id").asText()).statusCode())
                .isEqualTo(400);
        String key = UUID.randomUUID().toString();
        HttpResponse<byte[]> first = place(key, app[0], partner.path("id").asText(), pkg.path("id").asText());
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<byte[]> again = place(key, app[0], partner.path("id").asText(), pkg.path("id").asText());
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode order = SimClient.tree(first);
        assertThat(SimClient.tree(again).path("id").asText()).isEqualTo(order.path("id").asText());
        assertThat(order.path("status").asText()).isEqualTo("SENT");
        assertThat(order.path("applicationId").asText()).isEqualTo(app[0]);
        assertThat(order.path("candidateId").asText()).isEqualTo(app[1]);
        assertThat(order.path("jobId").asText()).isEqualTo(app[2]);
        assertThat(order.has("result")).isFalse();
        assertThat(client.getJson(API + "/assessment-orders?applicationId=" + app[0]).path("totalFound").asInt())
                .isEqualTo(before + 1);

        JsonNode other = partnerByName("TraitLens");
        HttpResponse<byte[]> mismatched = place(UUID.randomUUID().toString(), app[0], other.path("id").asText(),
                pkg.path("id").asText());
        assertThat(mismatched.statusCode()).isEqualTo(422);
        assertThat(SimClient.tree(mismatched).path("errors").get(0).path("code").asText())
                .isEqualTo("PACKAGE_NOT_OF_PARTNER");
        assertThat(place(UUID.randomUUID().toString(), "no-such-app", partner.path("id").asText(),
                pkg.path("id").asText()).statusCode()).isEqualTo(404);
        assertThat(place(UUID.randomUUID().toString(), app[0], partner.path("id").asText(), "no-such-package")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void partnerClockTakesAnOrderToCompletedWithScoreReportAndPdf() throws Exception {
        connect();
        String[] app = someApplication();
        JsonNode partner = partnerByName("SkillCheck");
        JsonNode pkg = packageByName(partner.path("id").asText(), "Java Backend (Senior)");
        JsonNode order = SimClient.tree(place(UUID.randomUUID().toString(), app[0], partner.path("id").asText(),
                pkg.path("id").asText()));
        String orderPath = API + "/assessment-orders/" + order.path("id").asText();
        String candidateUpdated = client.getJson("/candidates/" + app[1]).path("updatedOn").asText();

        sim.advancePartnerClock();
        assertThat(client.getJson(orderPath).path("status").asText()).isEqualTo("IN_PROGRESS");
        sim.advancePartnerClock();
        JsonNode done = client.getJson(orderPath);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("statusHistory")).extracting(h -> h.path("status").asText())
                .containsExactly("SENT", "IN_PROGRESS", "COMPLETED");
        JsonNode score = done.path("result").path("score");
        assertThat(Integer.parseInt(score.path("value").asText())).isBetween(0, 100);
        assertThat(score.path("min").asText()).isEqualTo("0");
        assertThat(score.path("max").asText()).isEqualTo("100");
        assertThat(done.path("result").path("summary").asText()).isNotBlank();
        assertThat(client.getJson("/candidates/" + app[1]).path("updatedOn").asText()).isGreaterThan(candidateUpdated);

        String resultUrl = done.path("result").path("resultUrl").asText();
        assertThat(resultUrl).startsWith(sim.baseUrl() + "/reports/" + done.path("id").asText() + "?t=");
        SimClient anonymous = new SimClient(sim.baseUrl(), null);
        HttpResponse<byte[]> report = anonymous.get(resultUrl.substring(sim.baseUrl().toString().length()));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(new String(report.body(), StandardCharsets.UTF_8)).contains(score.path("value").asText());
        assertThat(anonymous.get("/reports/" + done.path("id").asText() + "?t=wrong").statusCode()).isEqualTo(404);

        JsonNode attachment = done.path("result").path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        String url = attachment.path("url").asText();
        assertThat(url).startsWith(sim.baseUrl().toString());
        HttpResponse<byte[]> pdf = client.get(url.substring(sim.baseUrl().toString().length()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Java Backend (Senior)");
        }
    }

    @Test
    void someNewOrdersEndFailedOrExpired() {
        connect();
        String[] app = someApplication();
        JsonNode veri = partnerByName("VeriTrust Background");
        JsonNode international = packageByName(veri.path("id").asText(), "International Criminal Record");
        JsonNode trait = partnerByName("TraitLens");
        JsonNode leadership = packageByName(trait.path("id").asText(), "Leadership Potential");
        String failing = SimClient.tree(place(UUID.randomUUID().toString(), app[0], veri.path("id").asText(),
                international.path("id").asText())).path("id").asText();
        String expiring = SimClient.tree(place(UUID.randomUUID().toString(), app[0], trait.path("id").asText(),
                leadership.path("id").asText())).path("id").asText();
        sim.advancePartnerClock();
        sim.advancePartnerClock();
        JsonNode failed = client.getJson(API + "/assessment-orders/" + failing);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.has("result")).isFalse();
        assertThat(client.getJson(API + "/assessment-orders/" + expiring).path("status").asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void thePartnerClockMovesOrdersOnItsOwnAtThePace() throws Exception {
        try (Simulator quick = Simulator.start(SimulatorConfig.builder().candidates(20).rateLimit(false)
                .integrationConnected(true).partnerPace(Duration.ofMillis(100)).build())) {
            SimClient c = new SimClient(quick);
            JsonNode cand = c.getJson("/candidates?limit=1").path("content").get(0);
            String appId = c.getJson("/candidates/" + cand.path("id").asText() + "/jobs/"
                    + cand.path("primaryAssignment").path("job").path("id").asText()).path("id").asText();
            JsonNode partner = c.getJson(API + "/partners").path("content").get(0);
            JsonNode pkg = c.getJson(API + "/partners/" + partner.path("id").asText() + "/packages")
                    .path("content").get(0);
            String body = "{\"applicationId\":\"" + appId + "\",\"partnerId\":\"" + partner.path("id").asText()
                    + "\",\"packageId\":\"" + pkg.path("id").asText() + "\"}";
            String id = SimClient.tree(c.postJson(API + "/assessment-orders", body, "Idempotency-Key", "k-1"))
                    .path("id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String status = "SENT";
            while (System.nanoTime() < deadline && !"COMPLETED".equals(status)) {
                Thread.sleep(50);
                status = c.getJson(API + "/assessment-orders/" + id).path("status").asText();
            }
            assertThat(status).isEqualTo("COMPLETED");
        }
    }

    @Test
    void seededOrdersCoverEveryStatusIncludingUnknownAndLetterScores() {
        DemoData data = DemoData.generate(42, 60, 24, sim.recruiterEmail());
        java.util.Set<String> statuses = new java.util.HashSet<>();
        data.orders.forEach(o -> statuses.add(o.status));
        assertThat(statuses).contains("SENT", "IN_PROGRESS", "COMPLETED", "EXPIRED", "CANCELLED", "FAILED",
                "ON_HOLD");
        assertThat(data.orders).anySatisfy(o -> {
            assertThat(o.status).isEqualTo("COMPLETED");
            assertThat(o.result.scoreMax()).isNull();
            assertThat(o.result.scoreValue()).doesNotContainPattern("^\\d+$");
        });
        long applications = data.candidates.stream().mapToLong(c -> c.applications.size()).sum();
        assertThat((double) data.orders.size() / applications).isBetween(0.10, 0.20);

        // And over HTTP: an order listed for its application, in the contract's shape.
        SimOrder seeded = data.orders.get(2);
        JsonNode listed = client.getJson(API + "/assessment-orders?applicationId=" + seeded.applicationId);
        assertThat(listed.path("content")).extracting(o -> o.path("id").asText()).contains(seeded.id);
        assertThat(client.get(API + "/assessment-orders?applicationId=").statusCode()).isEqualTo(400);
        assertThat(client.get(API + "/assessment-orders/nope").statusCode()).isEqualTo(404);
    }
}
