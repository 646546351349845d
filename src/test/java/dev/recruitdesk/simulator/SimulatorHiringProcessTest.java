package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The [SIM] hiring-process configuration and the orders its rules place on add, move and bulk move. */
class SimulatorHiringProcessTest {

    private static final String API = "/assessment-api/v202107";

    private Simulator sim;
    private SimClient client;
    private String processId;
    private String jobId;
    private String partnerId;
    private String packageId;
    private String otherPartnerPackageId;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(60).rateLimit(false)
                .partnerPace(Duration.ofHours(1)).integrationConnected(true).build());
        client = new SimClient(sim);
        // "Standard Hiring" has no Skills Test step yet: the tests add it.
        for (JsonNode p : client.getJson("/configuration/hiring-processes").path("content")) {
            if ("Standard Hiring".equals(p.path("name").asText())) {
                processId = p.path("id").asText();
            }
        }
        for (JsonNode j : client.getJson("/jobs?limit=100").path("content")) {
            String id = j.path("id").asText();
            if (processId.equals(client.getJson("/jobs/" + id).path("hiringProcess").path("id").asText())) {
                jobId = id;
                break;
            }
        }
        JsonNode partners = client.getJson(API + "/partners").path("content");
        partnerId = partners.get(0).path("id").asText();
        packageId = client.getJson(API + "/partners/" + partnerId + "/packages").path("content").get(0).path("id").asText();
        String other = partners.get(1).path("id").asText();
        otherPartnerPackageId = client.getJson(API + "/partners/" + other + "/packages").path("content").get(0)
                .path("id").asText();
        assertThat(jobId).isNotNull();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void seededEngineeringProcessAutoTriggersItsSkillsTestStep() {
        JsonNode engineering = null;
        for (JsonNode p : client.getJson("/configuration/hiring-processes").path("content")) {
            if ("Engineering Hiring".equals(p.path("name").asText())) {
                engineering = p;
            }
        }
        assertThat(engineering).isNotNull();
        JsonNode rule = engineering.path("autoTriggers").get(0);
        assertThat(rule.path("subStatus").asText()).isEqualTo("Skills Test");
        assertThat(rule.path("onMove").asBoolean()).isTrue();
    }

    @Test
    void addsAStepAndRefusesAMissingOrDuplicateName() {
        HttpResponse<byte[]> added = addStep("IN_REVIEW", "Skills Test");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(SimClient.tree(added).path("subStatuses").path("IN_REVIEW").toString()).contains("Skills Test");

        HttpResponse<byte[]> again = addStep("INTERVIEW", " skills test ");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(SimClient.tree(again).path("errors").get(0).path("field").asText()).isEqualTo("name");

        HttpResponse<byte[]> blank = addStep("IN_REVIEW", "  ");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(SimClient.tree(blank).path("errors").get(0).path("code").asText()).isEqualTo("REQUIRED");
    }

    @Test
    void refusesAPackageOfAnotherPartner() {
        addStep("IN_REVIEW", "Skills Test");
        HttpResponse<byte[]> r = saveRule("Skills Test", otherPartnerPackageId, true, false, false);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(SimClient.tree(r).path("errors").get(0).path("code").asText()).isEqualTo("PACKAGE_NOT_OF_PARTNER");
    }

    @Test
    void movingIntoTheStepOrdersOnceEvenWhenRepeated() {
        addStep("IN_REVIEW", "Skills Test");
        assertThat(saveRule("Skills Test", packageId, true, false, false).statusCode()).isEqualTo(200);
        String[] app = newApplication("move.once@example.com");

        move(app, "IN_REVIEW", "Skills Test");
        move(app, "IN_REVIEW", "Skills Test");
        assertThat(ordersOf(app)).hasSize(1);
        assertThat(ordersOf(app).get(0).path("package").path("id").asText()).isEqualTo(packageId);

        // Out and back in while the first order is still open: still one order.
        move(app, "INTERVIEW", null);
        move(app, "IN_REVIEW", "Skills Test");
        assertThat(ordersOf(app)).hasSize(1);
    }

    @Test
    void aBulkMoveRetriedAfterAFailureOrdersOncePerCandidate() {
        addStep("IN_REVIEW", "Skills Test");
        saveRule("Skills Test", packageId, true, false, false);
        List<String[]> apps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            apps.add(newApplication("bulk" + i + "@example.com"));
        }
        // First pass stops after two rows (as if the network failed), the retry sends all three again.
        move(apps.get(0), "IN_REVIEW", "Skills Test");
        move(apps.get(1), "IN_REVIEW", "Skills Test");
        for (String[] app : apps) {
            move(app, "IN_REVIEW", "Skills Test");
        }
        for (String[] app : apps) {
            assertThat(ordersOf(app)).hasSize(1);
        }
    }

    @Test
    void aRuleTriggeredOnAddOrdersWhenACandidateIsCreated() {
        addStep("IN_REVIEW", "Skills Test");
        saveRule("Skills Test", packageId, false, true, false);
        String[] app = newApplication("on.add@example.com");
        assertThat(ordersOf(app)).singleElement()
                .satisfies(o -> assertThat(o.path("status").asText()).isEqualTo("SENT"));
        // onMove is off: moving in orders nothing more.
        move(app, "IN_REVIEW", "Skills Test");
        assertThat(ordersOf(app)).hasSize(1);
    }

    @Test
    void aDisabledRuleOrdersNothing() {
        addStep("IN_REVIEW", "Skills Test");
        saveRule("Skills Test", packageId, false, false, false);
        String[] app = newApplication("disabled@example.com");
        move(app, "IN_REVIEW", "Skills Test");
        assertThat(ordersOf(app)).isEmpty();
        JsonNode rule = ruleOf("Skills Test");
        assertThat(rule.path("onMove").asBoolean()).isFalse();
        assertThat(rule.path("onAdd").asBoolean()).isFalse();
    }

    @Test
    void orderExistingOrdersForThoseAlreadyInTheStepOnlyOnce() {
        addStep("IN_REVIEW", "Skills Test");
        String[] a = newApplication("there.a@example.com");
        String[] b = newApplication("there.b@example.com");
        move(a, "IN_REVIEW", "Skills Test");
        move(b, "IN_REVIEW", "Skills Test");
        assertThat(ordersOf(a)).isEmpty();

        HttpResponse<byte[]> saved = saveRule("Skills Test", packageId, true, false, true);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(SimClient.tree(saved).path("ordersPlaced").size()).isGreaterThanOrEqualTo(2);
        HttpResponse<byte[]> savedAgain = saveRule("Skills Test", packageId, true, false, true);
        assertThat(SimClient.tree(savedAgain).path("ordersPlaced").size()).isZero();
        assertThat(ordersOf(a)).hasSize(1);
        assertThat(ordersOf(b)).hasSize(1);
    }

    @Test
    void removingARuleStopsItsOrders() {
        addStep("IN_REVIEW", "Skills Test");
        saveRule("Skills Test", packageId, true, false, false);
        HttpResponse<byte[]> removed = client.putJson("/configuration/hiring-processes/" + processId + "/auto-triggers",
                "{\"status\":\"IN_REVIEW\",\"subStatus\":\"Skills Test\"}");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(ruleOf("Skills Test")).isNull();
        String[] app = newApplication("removed@example.com");
        move(app, "IN_REVIEW", "Skills Test");
        assertThat(ordersOf(app)).isEmpty();
    }

    // ---- helpers ----

    private JsonNode processJson() {
        for (JsonNode p : client.getJson("/configuration/hiring-processes").path("content")) {
            if (processId.equals(p.path("id").asText())) {
                return p;
            }
        }
        throw new AssertionError("process gone");
    }

    private JsonNode ruleOf(String step) {
        for (JsonNode r : processJson().path("autoTriggers")) {
            if (step.equals(r.path("subStatus").asText())) {
                return r;
            }
        }
        return null;
    }

    private HttpResponse<byte[]> addStep(String status, String name) {
        return client.postJson("/configuration/hiring-processes/" + processId + "/steps",
                "{\"status\":\"" + status + "\",\"name\":\"" + name + "\"}");
    }

    private HttpResponse<byte[]> saveRule(String step, String pkg, boolean onMove, boolean onAdd, boolean existing) {
        return client.putJson("/configuration/hiring-processes/" + processId + "/auto-triggers",
                "{\"status\":\"IN_REVIEW\",\"subStatus\":\"" + step + "\",\"partnerId\":\"" + partnerId
                        + "\",\"packageId\":\"" + pkg + "\",\"onMove\":" + onMove + ",\"onAdd\":" + onAdd
                        + ",\"orderExisting\":" + existing + "}");
    }

    /** {candidateId, jobId, applicationId} of a new candidate on the job. */
    private String[] newApplication(String email) {
        HttpResponse<byte[]> r = client.postJson("/jobs/" + jobId + "/candidates",
                "{\"firstName\":\"Test\",\"lastName\":\"Person\",\"email\":\"" + email + "\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        String id = SimClient.tree(r).path("id").asText();
        String appId = client.getJson("/candidates/" + id + "/jobs/" + jobId).path("id").asText();
        return new String[]{id, jobId, appId};
    }

    private void move(String[] app, String status, String subStatus) {
        String body = subStatus == null ? "{\"status\":\"" + status + "\"}"
                : "{\"status\":\"" + status + "\",\"subStatus\":\"" + subStatus + "\"}";
        assertThat(client.putJson("/candidates/" + app[0] + "/jobs/" + app[1] + "/status", body).statusCode())
                .isEqualTo(204);
    }

    private List<JsonNode> ordersOf(String[] app) {
        List<JsonNode> out = new ArrayList<>();
        client.getJson(API + "/assessment-orders?applicationId=" + app[2]).path("content").forEach(out::add);
        return out;
    }
}
