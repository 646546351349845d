package dev.recruitdesk.api;

import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.api.SmartRecruitersApi.CandidatePage;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client against the embedded simulator: two independent readings of docs/wire-contract.md that must agree.
 */
class SimulatorContractTest {

    @Test
    void pagesThroughEveryCandidateWithoutBeingRateLimited() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(500).build())) {
            SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults());
            List<Candidate> all = new ArrayList<>();
            String pageId = null;
            int pages = 0;
            int total = -1;
            long start = System.nanoTime();
            do {
                CandidatePage page = client.listCandidates(CandidateListQuery.all(50), pageId);
                all.addAll(page.content());
                total = page.totalFound();
                pageId = page.nextPageId();
                pages++;
            } while (pageId != null && pages < 100);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(all).hasSize(sim.candidateCount());
            assertThat(total).isEqualTo(sim.candidateCount());
            assertThat(pages).isEqualTo(10);
            assertThat(all.stream().map(Candidate::id).distinct().count()).isEqualTo(all.size());
            // Ascending updatedOn is what lets an incremental sync resume.
            List<Instant> updated = all.stream().map(Candidate::updatedOn).toList();
            assertThat(updated).doesNotContainNull().isSortedAccordingTo(Instant::compareTo);
            assertThat(all).allSatisfy(c -> assertThat(c.applications()).isNotEmpty());
            // Our pacing (10/s) matches the simulator's bucket: no request was refused.
            assertThat(client.stats().rateLimited()).isZero();
            assertThat(millis).isGreaterThanOrEqualTo(800);

            // updatedAfter is exclusive: nothing is newer than the newest.
            Instant newest = updated.get(updated.size() - 1);
            CandidatePage after = client.listCandidates(CandidateListQuery.updatedAfter(100, newest), null);
            assertThat(after.content()).isEmpty();
            assertThat(after.nextPageId()).isNull();
        }
    }

    @Test
    void aRateLimitedCallIsRetriedAfterRetryAfter() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(20).perEndpointRatePerSecond(1).build())) {
            SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.ApiKey(sim.apiKey()), ClientOptions.builder().requestsPerSecond(0).build());
            for (int i = 0; i < 3; i++) {
                assertThat(client.whoAmI()).isEqualTo(sim.recruiterEmail());
            }
            assertThat(client.stats().rateLimited()).isGreaterThanOrEqualTo(1);
            assertThat(client.stats().retries()).isEqualTo(client.stats().rateLimited());
        }
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(20).build())) {
            SmartRecruitersClient wrong = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.ApiKey("not-the-key-123"), ClientOptions.defaults());
            ApiException e = catchThrowableOfType(ApiException.class, wrong::whoAmI);
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).isEqualTo("SmartRecruiters refused the credentials (401)");
            assertThat(wrong.stats().requests()).isEqualTo(1);

            SmartRecruitersClient wrongSecret = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.OAuthClient(sim.oauthClientId(), "wrong-secret-456"), ClientOptions.defaults());
            ApiException e2 = catchThrowableOfType(ApiException.class, wrongSecret::whoAmI);
            assertThat(e2.httpStatus()).isEqualTo(401);
            assertThat(e2.getMessage()).doesNotContain("wrong-secret-456");
        }
    }

    @Test
    void oauthClientCredentialsWork() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(20).build())) {
            SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.OAuthClient(sim.oauthClientId(), sim.oauthClientSecret()), ClientOptions.defaults());
            assertThat(client.whoAmI()).isEqualTo(sim.recruiterEmail());
            assertThat(client.jobs()).isNotEmpty();
        }
    }

    @Test
    void readsJobsProcessesAndCandidateDetails() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(30).jobs(7).build())) {
            SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults());
            List<Job> jobs = client.jobs();
            assertThat(jobs).hasSize(7).allSatisfy(j -> assertThat(j.title()).isNotBlank());
            Job one = client.job(jobs.get(0).id());
            assertThat(one.id()).isEqualTo(jobs.get(0).id());
            assertThat(client.hiringProcesses()).isNotEmpty()
                    .allSatisfy(hp -> assertThat(hp.stepsByStatus()).isNotEmpty());

            Candidate listed = client.listCandidates(CandidateListQuery.all(5), null).content().get(0);
            Candidate details = client.candidate(listed.id());
            assertThat(details.id()).isEqualTo(listed.id());
            assertThat(details.applications()).isNotEmpty().allSatisfy(a -> assertThat(a.status()).isNotBlank());
            ApplicationRef first = details.applications().get(0);
            ApplicationRef app = client.application(details.id(), first.jobId());
            assertThat(app.applicationId()).isNotBlank();
            assertThat(app.status()).isEqualTo(first.status());

            ApiException missing = catchThrowableOfType(ApiException.class, () -> client.candidate("no-such-candidate"));
            assertThat(missing.httpStatus()).isEqualTo(404);
        }
    }

    @Test
    void ordersAnAssessmentAndReadsItsResult() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(30).partnerPace(Duration.ofHours(1)).build())) {
            SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults());

            ApiException notConnected = catchThrowableOfType(ApiException.class, client::partners);
            assertThat(notConnected.httpStatus()).isEqualTo(409);
            assertThat(notConnected.code()).isEqualTo("INTEGRATION_NOT_CONNECTED");
            assertThat(client.integration().connected()).isFalse();

            ApiException badToken = catchThrowableOfType(ApiException.class,
                    () -> client.connectIntegration("not-the-token-789", "admin@acme.example"));
            assertThat(badToken.code()).isEqualTo("INVALID_EXTERNAL_TRIGGER_TOKEN");
            assertThat(badToken.getMessage()).doesNotContain("not-the-token-789");
            assertThat(client.connectIntegration(sim.triggerToken(), "admin@acme.example").connected()).isTrue();
            assertThat(client.integration().email()).isEqualTo("admin@acme.example");

            List<Partner> partners = client.partners();
            assertThat(partners).isNotEmpty();
            Partner partner = partners.get(0);
            List<AssessmentPackage> packages = client.packages(partner.id());
            assertThat(packages).isNotEmpty().allSatisfy(p -> assertThat(p.partnerId()).isEqualTo(partner.id()));

            Candidate c = client.listCandidates(CandidateListQuery.all(1), null).content().get(0);
            ApplicationRef app = client.application(c.id(), c.applications().get(0).jobId());
            String key = UUID.randomUUID().toString();
            AssessmentOrder placed = client.placeOrder(app.applicationId(), partner.id(), packages.get(0).id(),
                    sim.recruiterEmail(), key);
            AssessmentOrder again = client.placeOrder(app.applicationId(), partner.id(), packages.get(0).id(),
                    sim.recruiterEmail(), key);
            assertThat(again.id()).as("same key, same order").isEqualTo(placed.id());
            assertThat(placed.status().isOpen()).isTrue();
            assertThat(client.orders(app.applicationId())).extracting(AssessmentOrder::id).contains(placed.id());

            // One order per package, so that at least one ends with a scored result and a report.
            List<String> ids = new ArrayList<>(List.of(placed.id()));
            for (AssessmentPackage p : packages.subList(1, packages.size())) {
                ids.add(client.placeOrder(app.applicationId(), partner.id(), p.id(), null, UUID.randomUUID().toString()).id());
            }
            sim.advancePartnerClock();
            sim.advancePartnerClock();
            int withResult = 0;
            for (String id : ids) {
                AssessmentOrder done = client.order(id);
                assertThat(done.status().isOpen()).as("two partner steps end an order").isFalse();
                assertThat(done.status().kind()).isNotEqualTo(dev.recruitdesk.domain.OrderStatus.Kind.UNKNOWN);
                assertThat(done.history()).hasSizeGreaterThanOrEqualTo(2);
                if (done.score() == null) {
                    continue;
                }
                withResult++;
                assertThat(done.attachments()).isNotEmpty();
                for (var attachment : done.attachments()) {
                    try (InputStream in = client.download(attachment.url())) {
                        assertThat(new String(in.readNBytes(4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
                    }
                }
                try (InputStream in = client.download(done.reportUrl())) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).containsIgnoringCase("<html");
                }
            }
            assertThat(withResult).isPositive();
        }
    }

    @Test
    void movesAndCreatesThroughTheDocumentedCalls() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().candidates(10).build())) {
            SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(),
                    new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults());
            Job job = client.jobs().get(0);
            Candidate created = client.createCandidate(job.id(), "Zoë", "Łukasiewicz", "zoe.l@example.com", null);
            assertThat(created.id()).isNotBlank();
            assertThat(created.lastName()).isEqualTo("Łukasiewicz");
            client.moveApplication(created.id(), job.id(), "IN_REVIEW", null);
            assertThat(client.application(created.id(), job.id()).status()).isEqualTo("IN_REVIEW");
            ApiException bad = catchThrowableOfType(ApiException.class,
                    () -> client.moveApplication(created.id(), job.id(), "NOT_A_STATUS", null));
            assertThat(bad.httpStatus()).isEqualTo(400);
        }
    }
}
