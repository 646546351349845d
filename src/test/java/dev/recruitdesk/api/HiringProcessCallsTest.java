package dev.recruitdesk.api;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client's hiring-process, move and résumé calls against the embedded simulator. */
class HiringProcessCallsTest {

    private static Simulator sim;
    private static SmartRecruitersClient client;
    private static HiringProcess standard;
    private static Job job;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(30).partnerPace(Duration.ofHours(1))
                .integrationConnected(true).build());
        client = new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults());
        standard = client.hiringProcesses().stream().filter(p -> p.name().equals("Standard Hiring")).findFirst()
                .orElseThrow();
        for (Job j : client.jobs()) {
            if (standard.id().equals(client.job(j.id()).hiringProcessId())) {
                job = j;
                break;
            }
        }
        assertThat(job).isNotNull();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void readsTheSeededAutoTriggers() throws Exception {
        HiringProcess engineering = client.hiringProcesses().stream()
                .filter(p -> p.name().equals("Engineering Hiring")).findFirst().orElseThrow();
        assertThat(engineering.assessmentOf("IN_REVIEW", "Skills Test")).hasValueSatisfying(a -> {
            assertThat(a.onMove()).isTrue();
            assertThat(a.onAdd()).isFalse();
            assertThat(a.packageId()).isNotBlank();
        });
    }

    @Test
    void addsAStepSavesItsRuleAndMovingOrders() throws Exception {
        HiringProcess withStep = client.addHiringProcessStep(standard.id(), "INTERVIEW", "Coding Exercise");
        assertThat(withStep.stepsOf("INTERVIEW")).contains("Coding Exercise");

        ApiException dup = catchThrowableOfType(ApiException.class,
                () -> client.addHiringProcessStep(standard.id(), "IN_REVIEW", "coding exercise"));
        assertThat(dup.httpStatus()).isEqualTo(409);
        assertThat(dup.code()).isEqualTo("DUPLICATE");

        Partner partner = client.partners().get(0);
        AssessmentPackage pkg = client.packages(partner.id()).get(0);
        SmartRecruitersApi.SavedRule saved = client.saveStepAssessment(standard.id(),
                new StepAssessment("INTERVIEW", "Coding Exercise", partner.id(), pkg.id(), true, false), false);
        assertThat(saved.process().assessmentOf("INTERVIEW", "Coding Exercise")).isPresent();
        assertThat(saved.ordersPlaced()).isEmpty();

        Candidate c = client.createCandidate(job.id(), "Maya", "Lind", "maya.lind@example.com", null);
        client.moveApplication(c.id(), job.id(), "INTERVIEW", "Coding Exercise");
        client.moveApplication(c.id(), job.id(), "INTERVIEW", "Coding Exercise");
        ApplicationRef app = client.application(c.id(), job.id());
        assertThat(app.subStatus()).isEqualTo("Coding Exercise");
        List<AssessmentOrder> orders = client.orders(app.applicationId());
        assertThat(orders).singleElement().satisfies(o -> assertThat(o.packageId()).isEqualTo(pkg.id()));

        HiringProcess removed = client.removeStepAssessment(standard.id(), "INTERVIEW", "Coding Exercise");
        assertThat(removed.assessmentOf("INTERVIEW", "Coding Exercise")).isEmpty();
    }

    @Test
    void aPackageOfAnotherPartnerIsRefused() throws Exception {
        List<Partner> partners = client.partners();
        AssessmentPackage foreign = client.packages(partners.get(1).id()).get(0);
        String step = standard.stepsOf("IN_REVIEW").get(0);
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.saveStepAssessment(standard.id(),
                new StepAssessment("IN_REVIEW", step, partners.get(0).id(), foreign.id(), true, false), false));
        assertThat(e.httpStatus()).isEqualTo(422);
    }

    @Test
    void uploadsAResumeAsMultipart() throws Exception {
        byte[] txt = "Ингрид Соколова\ningrid.sokolova@example.com\n".getBytes(StandardCharsets.UTF_8);
        Candidate c = client.createCandidateFromResume(job.id(), "Ингрид \"CV\".txt", txt);
        assertThat(c.firstName()).isEqualTo("Ингрид");
        assertThat(c.lastName()).isEqualTo("Соколова");
        assertThat(c.email()).isEqualTo("ingrid.sokolova@example.com");

        ApiException tooBig = catchThrowableOfType(ApiException.class,
                () -> client.createCandidateFromResume(job.id(), "big.pdf", new byte[5 * 1024 * 1024 + 1]));
        assertThat(tooBig.httpStatus()).isEqualTo(413);
        ApiException wrongType = catchThrowableOfType(ApiException.class,
                () -> client.createCandidateFromResume(job.id(), "cv.exe", new byte[]{1}));
        assertThat(wrongType.httpStatus()).isEqualTo(415);
    }
}
