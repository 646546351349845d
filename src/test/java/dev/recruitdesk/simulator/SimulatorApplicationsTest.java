package dev.recruitdesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorApplicationsTest {

    private static Simulator sim;
    private static SimClient client;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(80).rateLimit(false)
                .partnerPace(Duration.ofHours(1)).build());
        client = new SimClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String skillsTestJob() {
        JsonNode processes = client.getJson("/configuration/hiring-processes");
        String processId = null;
        for (JsonNode p : processes.path("content")) {
            for (JsonNode step : p.path("subStatuses").path("IN_REVIEW")) {
                if ("Skills Test".equals(step.asText())) {
                    processId = p.path("id").asText();
                }
            }
        }
        assertThat(processId).isNotNull();
        for (JsonNode j : client.getJson("/jobs?limit=100").path("content")) {
            String id = j.path("id").asText();
            if (processId.equals(client.getJson("/jobs/" + id).path("hiringProcess").path("id").asText())) {
                return id;
            }
        }
        throw new AssertionError("no job uses the process with the Skills Test step");
    }

    @Test
    void movingAnApplicationChangesItsStatusAndUpdatedOn() {
        JsonNode c = client.getJson("/candidates?limit=1").path("content").get(0);
        String id = c.path("id").asText();
        String jobId = c.path("primaryAssignment").path("job").path("id").asText();
        String path = "/candidates/" + id + "/jobs/" + jobId + "/status";

        HttpResponse<byte[]> moved = client.putJson(path, "{\"status\":\"INTERVIEW\"}");
        assertThat(moved.statusCode()).isEqualTo(204);
        JsonNode app = client.getJson("/candidates/" + id + "/jobs/" + jobId);
        assertThat(app.path("status").asText()).isEqualTo("INTERVIEW");
        JsonNode after = client.getJson("/candidates/" + id);
        assertThat(after.path("updatedOn").asText()).isGreaterThan(c.path("updatedOn").asText());
        assertThat(after.path("primaryAssignment").path("status").asText()).isEqualTo("INTERVIEW");
        JsonNode newest = client.getJson("/candidates?limit=1&updatedAfter="
                + SimClient.enc(c.path("updatedOn").asText()) + "&status=INTERVIEW");
        assertThat(newest.path("totalFound").asInt()).isPositive();

        HttpResponse<byte[]> invalid = client.putJson(path, "{\"status\":\"PROMOTED\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(SimClient.tree(invalid).path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(client.putJson(path, "{}").statusCode()).isEqualTo(400);
        assertThat(client.putJson(path, "not json").statusCode()).isEqualTo(400);
        assertThat(client.putJson("/candidates/nope/jobs/" + jobId + "/status", "{\"status\":\"NEW\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void movingIntoTheSkillsTestStepIsValidatedAgainstTheHiringProcess() {
        String jobId = skillsTestJob();
        JsonNode onJob = client.getJson("/candidates?limit=1&jobId=" + jobId).path("content").get(0);
        String path = "/candidates/" + onJob.path("id").asText() + "/jobs/" + jobId + "/status";
        assertThat(client.putJson(path, "{\"status\":\"IN_REVIEW\",\"subStatus\":\"Skills Test\"}").statusCode())
                .isEqualTo(204);
        JsonNode app = client.getJson("/candidates/" + onJob.path("id").asText() + "/jobs/" + jobId);
        assertThat(app.path("subStatus").asText()).isEqualTo("Skills Test");
        assertThat(client.putJson(path, "{\"status\":\"IN_REVIEW\",\"subStatus\":\"Bungee Jump\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void creatingACandidateNeedsNamesAndEmailAndReturnsDetails() {
        String jobId = client.getJson("/jobs?limit=1").path("content").get(0).path("id").asText();
        HttpResponse<byte[]> missing = client.postJson("/jobs/" + jobId + "/candidates", "{\"firstName\":\"Zoë\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        SimClient.tree(missing).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("lastName", "email");
        HttpResponse<byte[]> badEmail = client.postJson("/jobs/" + jobId + "/candidates",
                "{\"firstName\":\"Zoë\",\"lastName\":\"Łukasiewicz\",\"email\":\"nope\"}");
        assertThat(badEmail.statusCode()).isEqualTo(400);

        int before = sim.candidateCount();
        HttpResponse<byte[]> created = client.postJson("/jobs/" + jobId + "/candidates",
                "{\"firstName\":\"Zoë\",\"lastName\":\"Łukasiewicz\",\"email\":\"zoe.l@example.com\","
                        + "\"phoneNumber\":\"+48 600 100 200\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode c = SimClient.tree(created);
        assertThat(c.path("lastName").asText()).isEqualTo("Łukasiewicz");
        assertThat(c.path("primaryAssignment").path("job").path("id").asText()).isEqualTo(jobId);
        assertThat(c.path("primaryAssignment").path("status").asText()).isEqualTo("NEW");
        assertThat(sim.candidateCount()).isEqualTo(before + 1);
        assertThat(client.getJson("/candidates?q=" + SimClient.enc("łukasiewicz")).path("totalFound").asInt())
                .isEqualTo(1);
        assertThat(client.postJson("/jobs/" + jobId + "/candidates",
                "{\"firstName\":\"Zoë\",\"lastName\":\"L\",\"email\":\"zoe.l@example.com\"}").statusCode())
                .isEqualTo(409);
        assertThat(client.postJson("/jobs/nope/candidates",
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a.b@example.com\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void movingIntoAnAutoTriggeredStepOrdersItsPackageOnceWhileConnected() {
        String api = "/assessment-api/v202107";
        JsonNode engineering = null;
        for (JsonNode p : client.getJson("/configuration/hiring-processes").path("content")) {
            if (p.path("autoTriggers").size() > 0
                    && "Skills Test".equals(p.path("autoTriggers").get(0).path("subStatus").asText())) {
                engineering = p;
            }
        }
        assertThat(engineering).isNotNull();
        String packageId = engineering.path("autoTriggers").get(0).path("packageId").asText();
        String jobId = skillsTestJob();
        List<JsonNode> onJob = new ArrayList<>();
        client.getJson("/candidates?limit=100&jobId=" + jobId).path("content").forEach(onJob::add);
        assertThat(onJob).hasSizeGreaterThanOrEqualTo(2);

        // Not connected: the move happens, no order appears.
        String first = onJob.get(0).path("id").asText();
        String firstApp = client.getJson("/candidates/" + first + "/jobs/" + jobId).path("id").asText();
        int before = client.getJson(api + "/assessment-orders?applicationId=" + firstApp).path("totalFound").asInt();
        assertThat(client.putJson("/candidates/" + first + "/jobs/" + jobId + "/status",
                "{\"status\":\"IN_REVIEW\",\"subStatus\":\"Skills Test\"}").statusCode()).isEqualTo(204);
        assertThat(client.getJson(api + "/assessment-orders?applicationId=" + firstApp).path("totalFound").asInt())
                .isEqualTo(before);

        assertThat(client.postJson(api + "/integrations/stackone", "{\"externalTriggerToken\":\""
                + sim.triggerToken() + "\",\"email\":\"" + sim.recruiterEmail() + "\"}").statusCode()).isEqualTo(200);
        try {
            String second = onJob.get(1).path("id").asText();
            String secondApp = client.getJson("/candidates/" + second + "/jobs/" + jobId).path("id").asText();
            int had = client.getJson(api + "/assessment-orders?applicationId=" + secondApp).path("totalFound").asInt();
            for (int i = 0; i < 2; i++) {
                assertThat(client.putJson("/candidates/" + second + "/jobs/" + jobId + "/status",
                        "{\"status\":\"IN_REVIEW\",\"subStatus\":\"Skills Test\"}").statusCode()).isEqualTo(204);
            }
            JsonNode orders = client.getJson(api + "/assessment-orders?applicationId=" + secondApp);
            assertThat(orders.path("totalFound").asInt()).isEqualTo(had + 1);
            JsonNode auto = orders.path("content").get(orders.path("content").size() - 1);
            assertThat(auto.path("package").path("id").asText()).isEqualTo(packageId);
            assertThat(auto.path("status").asText()).isEqualTo("SENT");
            assertThat(auto.path("requester").path("email").asText()).isEqualTo(sim.recruiterEmail());
        } finally {
            client.send(client.request(api + "/integrations/stackone").DELETE().build());
        }
    }
}
