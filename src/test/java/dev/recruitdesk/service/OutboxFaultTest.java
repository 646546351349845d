package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.service.AddCandidateService.NewCandidate;
import dev.recruitdesk.service.MoveService.MoveRequest;
import dev.recruitdesk.service.MoveService.MoveSummary;
import dev.recruitdesk.service.MoveService.Outcome;
import dev.recruitdesk.simulator.FaultPlan;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox against the simulator over real HTTP: answers lost after the server accepted the write (with a
 * simulator that does NOT honour idempotency keys or repeated moves or emails, as we cannot rely on SmartRecruiters
 * doing so), a crash mid-send, and a stopped simulator (offline), then confirm or discard on reconnect.
 */
class OutboxFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Simulator sim;
    private Backend backend;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        if (backend != null) {
            backend.close();
        }
        if (sim != null) {
            sim.close();
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static SimulatorConfig.Builder account(int port, FaultPlan faults) {
        return SimulatorConfig.builder().port(port).candidates(30).jobs(6).integrationConnected(true)
                .partnerPace(Duration.ofHours(6)).faults(faults);
    }

    private static SmartRecruitersClient client(Simulator s) {
        return new SmartRecruitersClient(s.baseUrl(), new Credentials.ApiKey(s.apiKey()),
                ClientOptions.builder().requestTimeout(Duration.ofSeconds(5)).initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(100)).maxRetries(3).requestsPerSecond(0).build());
    }

    private void open(Simulator s) {
        SmartRecruitersClient c = client(s);
        backend = Backend.open(dir, BackendOptions.of(a -> c).withIntervals(Duration.ofHours(1), Duration.ofMillis(100))
                .withSecretStore(new MemorySecretStore()));
        assertThat(backend.syncService().syncOnce().complete()).isTrue();
    }

    /** A candidate's first application that is not in INTERVIEW yet (so a move there is a real move). */
    private ApplicationRef movable(int skip) {
        return backend.candidateQueries().page(new CandidateFilter("", null), 0, 30).stream()
                .map(r -> backend.candidateQueries().candidate(r.id()).orElseThrow().applications().get(0))
                .filter(a -> !"INTERVIEW".equals(a.status()))
                .skip(skip).findFirst().orElseThrow();
    }

    private OrderRequest orderFor(ApplicationRef app) throws ServiceException {
        Partner partner = backend.orderService().partners().get(0);
        AssessmentPackage pack = backend.orderService().packages(partner.id()).get(0);
        return new OrderRequest(app, partner, pack);
    }

    private List<String> keys() {
        return backend.writeQueue().unsent().stream().map(QueuedWrite::key).toList();
    }

    private OutboxEntry.State state(String key) {
        return backend.writeQueue().writes(List.of(key)).isEmpty() ? null
                : switch (backend.writeQueue().writes(List.of(key)).get(0).state()) {
                    case SENT -> OutboxEntry.State.SENT;
                    case DISCARDED -> OutboxEntry.State.DISCARDED;
                    case FAILED -> OutboxEntry.State.FAILED;
                    case SENDING -> OutboxEntry.State.SENDING;
                    default -> OutboxEntry.State.PENDING;
                };
    }

    private static NewCandidate newCandidate(String jobId, String email) {
        return new NewCandidate(jobId, "Ada", "Lovelace", email, null);
    }

    @Test
    void theSwitchMakesTheSimulatorRepeatWritesSoTheTestsBelowMeanSomething() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none().withHonourIdempotency(false)).build());
        open(sim);
        ApplicationRef app = movable(0);
        SmartRecruitersClient raw = client(sim);
        String appId = raw.application(app.candidateId(), app.jobId()).applicationId();
        Partner partner = raw.partners().get(0);
        String pkg = raw.packages(partner.id()).get(0).id();
        int before = sim.ordersOf(app.candidateId(), app.jobId());
        raw.placeOrder(appId, partner.id(), pkg, null, "same-key");
        raw.placeOrder(appId, partner.id(), pkg, null, "same-key");
        assertThat(sim.ordersOf(app.candidateId(), app.jobId())).as("the key is not honoured").isEqualTo(before + 2);
        raw.moveApplication(app.candidateId(), app.jobId(), "INTERVIEW", null);
        raw.moveApplication(app.candidateId(), app.jobId(), "INTERVIEW", null);
        assertThat(sim.movesApplied(app.candidateId(), app.jobId())).as("a repeated move counts").isEqualTo(2);
        raw.createCandidate(app.jobId(), "A", "B", "twice@example.org", null);
        raw.createCandidate(app.jobId(), "A", "B", "twice@example.org", null);
        assertThat(sim.candidatesWithEmail("twice@example.org")).as("a repeated email is a second one").isEqualTo(2);
    }

    @Test
    void anOrderWhoseAnswerWasLostIsCheckedAndAdoptedNotPlacedTwice() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none().withHonourIdempotency(false)).build());
        open(sim);
        ApplicationRef app = movable(0);
        int before = sim.ordersOf(app.candidateId(), app.jobId());
        OrderRequest request = orderFor(app);

        List<Boolean> online = new java.util.concurrent.CopyOnWriteArrayList<>();
        backend.syncService().addStatusListener(st -> online.add(st.online()));
        sim.dropNextAcceptedWrites(1);
        AssessmentOrder queued = backend.orderService().queue(request);
        Poll.until(WAIT, "the lost answer is noticed", () -> backend.writeQueue().heldCount() == 1);
        assertThat(sim.ordersOf(app.candidateId(), app.jobId())).as("the server has it").isEqualTo(before + 1);
        assertThat(sim.faultsInjected()).containsEntry("drop-accepted-write", 1L);
        assertThat(online).as("a lost connection showed as offline (the probe brings it back)").contains(false);

        backend.writeQueue().send(keys());
        Poll.until(WAIT, "adopted", () -> state(queued.idempotencyKey()) == OutboxEntry.State.SENT);
        assertThat(sim.ordersOf(app.candidateId(), app.jobId())).as("exactly one order").isEqualTo(before + 1);
        List<AssessmentOrder> shown = backend.candidateQueries().orders(app.candidateId()).stream()
                .filter(o -> queued.idempotencyKey().equals(o.idempotencyKey())).toList();
        assertThat(shown).singleElement().satisfies(o -> {
            assertThat(o.id()).isNotNull();
            assertThat(o.status()).isEqualTo(OrderStatus.SENT);
        });
    }

    @Test
    void aMoveWhoseAnswerWasLostIsFoundDoneNotMovedTwice() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none().withHonourIdempotency(false)).build());
        open(sim);
        ApplicationRef app = movable(0);

        sim.dropNextAcceptedWrites(1);
        MoveSummary s = backend.moveService().move(List.of(new MoveRequest(app.candidateId(), app.jobId(), "X")),
                "INTERVIEW", null, (r, d, t) -> { });
        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.QUEUED);
            assertThat(r.message()).isEqualTo("Queued: will be sent when you are back online");
        });
        assertThat(sim.movesApplied(app.candidateId(), app.jobId())).isEqualTo(1);

        List<String> keys = keys();
        assertThat(keys).hasSize(1);
        backend.writeQueue().send(keys);
        Poll.until(WAIT, "done", () -> state(keys.get(0)) == OutboxEntry.State.SENT);
        assertThat(sim.movesApplied(app.candidateId(), app.jobId())).as("moved exactly once").isEqualTo(1);
    }

    @Test
    void aNewCandidateWhoseAnswerWasLostIsLookedUpByEmailNotCreatedTwice() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none().withHonourIdempotency(false)).build());
        open(sim);
        String jobId = movable(0).jobId();
        String email = "lost.answer." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        sim.dropNextAcceptedWrites(1);
        assertThatThrownBy(() -> backend.addCandidateService().create(newCandidate(jobId, email)))
                .isInstanceOf(WriteQueued.class).hasMessage("Queued: will be sent when you are back online");
        assertThat(sim.candidatesWithEmail(email)).isEqualTo(1);
        assertThatThrownBy(() -> backend.addCandidateService().create(newCandidate(jobId, email)))
                .as("a second submit of the same email is refused, not queued twice")
                .isInstanceOf(FieldProblem.class);

        List<String> keys = keys();
        assertThat(backend.writeQueue().unsent()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(QueuedWrite.Kind.NEW_CANDIDATE);
            assertThat(w.candidate()).contains("Ada Lovelace").contains(email);
            assertThat(w.state()).isEqualTo(QueuedWrite.State.HELD);
        });
        backend.writeQueue().send(keys);
        Poll.until(WAIT, "adopted", () -> state(keys.get(0)) == OutboxEntry.State.SENT);
        assertThat(sim.candidatesWithEmail(email)).as("exactly one candidate").isEqualTo(1);
        assertThat(backend.addCandidateService().sameEmail(email)).as("in People now").hasSize(1);
    }

    @Test
    void aResumeWhoseAnswerWasLostIsFoundAmongTheJobsNewCandidatesNotUploadedTwice() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none().withHonourIdempotency(false)).build());
        open(sim);
        String jobId = movable(0).jobId();
        String email = "resume." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Path file = dir.resolve("grace-hopper.txt");
        java.nio.file.Files.writeString(file, "Grace Hopper\n" + email + "\n+1 555 0100\nCOBOL, compilers\n");

        sim.dropNextAcceptedWrites(1);
        assertThatThrownBy(() -> backend.addCandidateService().upload(jobId, file)).isInstanceOf(WriteQueued.class);
        java.nio.file.Files.delete(file); // the outbox kept its own copy of the bytes
        assertThat(sim.candidatesWithEmail(email)).isEqualTo(1);

        List<String> keys = keys();
        assertThat(backend.writeQueue().unsent()).singleElement()
                .satisfies(w -> assertThat(w.candidate()).isEqualTo("Résumé grace-hopper.txt"));
        backend.writeQueue().send(keys);
        Poll.until(WAIT, "adopted", () -> state(keys.get(0)) == OutboxEntry.State.SENT);
        assertThat(sim.candidatesWithEmail(email)).as("exactly one candidate").isEqualTo(1);
        assertThat(backend.addCandidateService().sameEmail(email)).hasSize(1);
    }

    @Test
    void aCrashWhileSendingLeavesASendingRowThatIsCheckedAtTheNextStart() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none().withHonourIdempotency(false)).build());
        open(sim);
        ApplicationRef app = movable(0);
        OrderRequest request = orderFor(app);
        String appId = client(sim).application(app.candidateId(), app.jobId()).applicationId();
        backend.close();
        backend = null;

        // What a kill -9 right after the server accepted leaves behind: a SENDING row, and the order on the server.
        String key = UUID.randomUUID().toString();
        try (OutboxStore store = OutboxStore.open(dir)) {
            store.insert(key, OutboxEntry.Kind.PLACE_ORDER, new OutboxEntry.OrderPayload(appId, app.candidateId(),
                    app.jobId(), app.jobTitle(), request.partner().id(), request.partner().name(),
                    request.assessmentPackage().id(), request.assessmentPackage().name(), null), null, false, true,
                    Instant.now());
        }
        client(sim).placeOrder(appId, request.partner().id(), request.assessmentPackage().id(), null, key);
        int after = sim.ordersOf(app.candidateId(), app.jobId());

        open(sim);
        Poll.until(WAIT, "checked and adopted", () -> state(key) == OutboxEntry.State.SENT);
        assertThat(sim.ordersOf(app.candidateId(), app.jobId())).as("no second order").isEqualTo(after);
    }

    @Test
    void offlineWritesAreHeldNothingIsSentBeforeConfirmAndEachIsSentOnceAfter() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none()).build());
        int port = sim.baseUrl().getPort();
        open(sim);
        ApplicationRef orderApp = movable(0);
        ApplicationRef moveApp = movable(1);
        OrderRequest order = orderFor(orderApp);
        String email = "offline." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        sim.close();

        AssessmentOrder queued = backend.orderService().queue(order);
        Poll.until(WAIT, "the order met the stopped server", () -> backend.writeQueue().heldCount() == 1);
        assertThat(backend.syncService().status().online()).isFalse();
        MoveSummary moved = backend.moveService().move(List.of(new MoveRequest(moveApp.candidateId(),
                moveApp.jobId(), "M")), "INTERVIEW", null, (r, d, t) -> { });
        assertThat(moved.results()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.QUEUED));
        assertThatThrownBy(() -> backend.addCandidateService().create(newCandidate(orderApp.jobId(), email)))
                .isInstanceOf(WriteQueued.class);
        assertThat(backend.writeQueue().heldCount()).isEqualTo(3);
        assertThat(backend.candidateQueries().queuedMoves(moveApp.candidateId())).as("the profile shows it")
                .containsExactly("Move to INTERVIEW: held until you confirm (queued while offline)");
        assertThat(backend.writeQueue().unsent()).extracting(QueuedWrite::kind)
                .containsExactly(QueuedWrite.Kind.ORDER, QueuedWrite.Kind.MOVE, QueuedWrite.Kind.NEW_CANDIDATE);
        assertThat(backend.candidateQueries().orders(orderApp.candidateId()))
                .anySatisfy(o -> assertThat(o.idempotencyKey()).isEqualTo(queued.idempotencyKey()));

        sim = Simulator.start(account(port, FaultPlan.none()).build());
        int ordersBefore = sim.ordersOf(orderApp.candidateId(), orderApp.jobId());
        Poll.until(WAIT, "back online (the outbox's probe)", () -> backend.syncService().status().online());
        backend.orderService().sendPending();
        assertThat(sim.ordersOf(orderApp.candidateId(), orderApp.jobId())).as("held: no order before confirm")
                .isEqualTo(ordersBefore);
        assertThat(sim.movesApplied(moveApp.candidateId(), moveApp.jobId())).isZero();
        assertThat(sim.candidatesWithEmail(email)).isZero();

        List<String> keys = keys();
        backend.writeQueue().send(keys);
        Poll.until(WAIT, "all sent", () -> keys.stream().allMatch(k -> state(k) == OutboxEntry.State.SENT));
        backend.orderService().sendPending();
        assertThat(sim.ordersOf(orderApp.candidateId(), orderApp.jobId())).isEqualTo(ordersBefore + 1);
        assertThat(sim.movesApplied(moveApp.candidateId(), moveApp.jobId())).isEqualTo(1);
        assertThat(sim.candidatesWithEmail(email)).isEqualTo(1);
        Poll.until(WAIT, "the status bar counts no queued write", () -> backend.syncService().status().queuedWrites() == 0);
    }

    @Test
    void discardedWritesAreNeverSent() throws Exception {
        sim = Simulator.start(account(0, FaultPlan.none()).build());
        int port = sim.baseUrl().getPort();
        open(sim);
        ApplicationRef orderApp = movable(0);
        ApplicationRef moveApp = movable(1);
        OrderRequest order = orderFor(orderApp);
        sim.close();

        backend.orderService().queue(order);
        Poll.until(WAIT, "held", () -> backend.writeQueue().heldCount() == 1);
        backend.moveService().move(List.of(new MoveRequest(moveApp.candidateId(), moveApp.jobId(), "M")),
                "INTERVIEW", null, (r, d, t) -> { });
        List<String> keys = keys();
        assertThat(keys).hasSize(2);

        sim = Simulator.start(account(port, FaultPlan.none()).build());
        int ordersBefore = sim.ordersOf(orderApp.candidateId(), orderApp.jobId());
        assertThat(backend.writeQueue().discard(keys)).isEqualTo(2);
        backend.orderService().sendPending();
        backend.writeQueue().send(keys); // a confirm after the discard changes nothing
        backend.orderService().sendPending();

        assertThat(keys).allSatisfy(k -> assertThat(state(k)).isEqualTo(OutboxEntry.State.DISCARDED));
        assertThat(sim.ordersOf(orderApp.candidateId(), orderApp.jobId())).isEqualTo(ordersBefore);
        assertThat(sim.movesApplied(moveApp.candidateId(), moveApp.jobId())).isZero();
        assertThat(backend.writeQueue().unsent()).isEmpty();
        assertThat(backend.candidateQueries().orders(orderApp.candidateId()))
                .noneMatch(AssessmentOrder::isQueued);
    }
}
