package dev.recruitdesk.api;

import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.simulator.FaultPlan;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real client against the faulty simulator: what it retries, what it keeps, what it refuses. */
class ClientFaultTest {

    private static SimulatorConfig.Builder account() {
        return SimulatorConfig.builder().seed(21).candidates(60).jobs(6).integrationConnected(true)
                .perEndpointRatePerSecond(1_000).partnerPace(Duration.ofHours(6));
    }

    private static SmartRecruitersClient client(Simulator sim, int maxRetries) {
        return new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()),
                ClientOptions.builder().requestTimeout(Duration.ofSeconds(1)).initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(200)).maxRetries(maxRetries).requestsPerSecond(0).build());
    }

    private static Simulator faulty(double rate, FaultPlan.Kind... kinds) throws Exception {
        return Simulator.start(account().faults(FaultPlan.of(rate, 5).withKinds(EnumSet.of(kinds[0], kinds))
                .withSlowDelay(Duration.ofMillis(1_500))).build());
    }

    @Test
    void lostAndLateAnswersToOrderPostsNeverMakeASecondOrder() throws Exception {
        try (Simulator clean = Simulator.start(account().build());
             Simulator sim = faulty(0.5, FaultPlan.Kind.DROP, FaultPlan.Kind.SLOW)) {
            SmartRecruitersClient reader = client(clean, 3);
            Partner partner = reader.partners().get(0);
            AssessmentPackage pack = reader.packages(partner.id()).get(0);
            SmartRecruitersClient writer = client(sim, 8);
            List<String> appIds = new ArrayList<>();
            for (Candidate c : reader.listCandidates(CandidateListQuery.all(8), null).content()) {
                ApplicationRef app = c.applications().get(0);
                appIds.add(reader.application(c.id(), app.jobId()).applicationId());
            }
            for (String appId : appIds) {
                int before = reader.orders(appId).size();
                AssessmentOrder placed = writer.placeOrder(appId, partner.id(), pack.id(), null,
                        UUID.randomUUID().toString());
                List<AssessmentOrder> after = writer.orders(appId);
                assertThat(after).as("orders of " + appId).hasSize(before + 1);
                assertThat(after).extracting(AssessmentOrder::id).contains(placed.id());
            }
            System.out.println("FAULTS lost answers: " + sim.faultsInjected() + ", client " + writer.stats());
            assertThat(sim.faultsInjected()).containsKeys("drop", "slow");
            assertThat(writer.stats().retries()).isPositive();
        }
    }

    @Test
    void unknownStatusesAreKeptAsSent() throws Exception {
        try (Simulator clean = Simulator.start(account().build());
             Simulator sim = faulty(1.0, FaultPlan.Kind.UNKNOWN_STATUS)) {
            SmartRecruitersClient reader = client(clean, 3);
            SmartRecruitersClient odd = client(sim, 3);
            List<Candidate> listed = odd.listCandidates(CandidateListQuery.all(10), null).content();
            assertThat(listed).hasSize(10).allSatisfy(c -> assertThat(c.applications().get(0).status())
                    .isEqualTo("SIM_FUTURE_STATUS"));
            String orderId = anyOrderId(reader);
            AssessmentOrder order = odd.order(orderId);
            assertThat(order.status().raw()).isEqualTo("SIM_FUTURE_STATUS");
            assertThat(order.id()).isEqualTo(orderId);
        }
    }

    private static String anyOrderId(SmartRecruitersClient reader) throws ApiException {
        for (Candidate c : reader.listCandidates(CandidateListQuery.all(60), null).content()) {
            for (ApplicationRef a : c.applications()) {
                List<AssessmentOrder> orders = reader.orders(reader.application(c.id(), a.jobId()).applicationId());
                if (!orders.isEmpty()) {
                    return orders.get(0).id();
                }
            }
        }
        throw new AssertionError("the seeded account has no order");
    }

    @Test
    void missingOptionalFieldsReadAsAbsentAndExtraFieldsAreIgnored() throws Exception {
        try (Simulator clean = Simulator.start(account().build());
             Simulator sparse = faulty(1.0, FaultPlan.Kind.MISSING_OPTIONAL);
             Simulator rich = faulty(1.0, FaultPlan.Kind.EXTRA_FIELDS)) {
            SmartRecruitersClient reader = client(clean, 3);
            Candidate expected = reader.candidate(reader.listCandidates(CandidateListQuery.all(1), null)
                    .content().get(0).id());

            Candidate sparseOne = client(sparse, 3).candidate(expected.id());
            assertThat(sparseOne.id()).isEqualTo(expected.id());
            assertThat(sparseOne.email()).isEqualTo(expected.email());
            assertThat(sparseOne.city()).isNull();
            assertThat(sparseOne.phoneNumber()).isNull();

            SmartRecruitersClient richClient = client(rich, 3);
            assertThat(richClient.candidate(expected.id())).isEqualTo(expected);
            assertThat(richClient.jobs()).isEqualTo(reader.jobs());
            assertThat(richClient.hiringProcesses()).isEqualTo(reader.hiringProcesses());
            assertThat(richClient.partners()).isEqualTo(reader.partners());
            assertThat(rich.faultsInjected().get("extra-fields")).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void anAnswerThatStaysUnreadableFailsCleanlyAfterTheRetries() throws Exception {
        try (Simulator sim = faulty(1.0, FaultPlan.Kind.MALFORMED, FaultPlan.Kind.TRUNCATED)) {
            SmartRecruitersClient c = client(sim, 2);
            assertThatThrownBy(() -> c.listCandidates(CandidateListQuery.all(5), null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(502);
                        assertThat(e.code()).isEqualTo("BAD_RESPONSE");
                        assertThat(e.getCause()).isNull();
                    });
            assertThat(sim.requestCount()).isEqualTo(3);
            assertThat(c.stats().retries()).isEqualTo(2);
        }
    }

    @Test
    void plainHttpIsRefusedForAnyHostButThisComputer() {
        Credentials key = new Credentials.ApiKey("k");
        for (String url : new String[]{"http://api.smartrecruiters.com", "http://10.0.0.5:8080", "http://sr.example.com"}) {
            assertThatThrownBy(() -> new SmartRecruitersClient(URI.create(url), key))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        }
        for (String url : new String[]{"http://127.0.0.1:8080", "http://localhost:1", "https://api.smartrecruiters.com"}) {
            assertThat(new SmartRecruitersClient(URI.create(url), key).baseUrl()).hasToString(url);
        }
    }
}
