package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    FakeSrApi fake = new FakeSrApi();
    MemorySecretStore secrets = new MemorySecretStore();
    Backend backend;
    List<ChangeEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        fake.addMany(3);
        backend = openBackend();
        backend.syncService().syncOnce();
    }

    private Backend openBackend() {
        Backend b = Backend.open(dir, BackendOptions.of(a -> fake)
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(100)).withSecretStore(secrets));
        b.changeFeed().subscribe(events::add);
        return b;
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private OrderRequest request(String candidateId) {
        ApplicationRef app = backend.candidateQueries().candidate(candidateId).orElseThrow().applications().get(0);
        return new OrderRequest(app, FakeSrApi.PARTNER, FakeSrApi.PACKAGE);
    }

    private AssessmentOrder only(String candidateId) {
        List<AssessmentOrder> orders = backend.candidateQueries().orders(candidateId);
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    @Test
    void queuedOrderIsSentThenPolledToCompleted() {
        AssessmentOrder queued = backend.orderService().queue(request("c00001"));

        assertThat(queued.isQueued()).isTrue();
        assertThat(queued.status()).isEqualTo(OrderStatus.SENDING);
        assertThat(queued.idempotencyKey()).isNotBlank();

        Poll.until(WAIT, "order sent", () -> only("c00001").id() != null);
        AssessmentOrder sent = only("c00001");
        assertThat(sent.status()).isEqualTo(OrderStatus.SENT);
        assertThat(sent.idempotencyKey()).isEqualTo(queued.idempotencyKey());
        assertThat(fake.applicationCalls.get()).as("the application UUID was fetched before sending").isPositive();
        assertThat(fake.placeCalls.get()).isEqualTo(1);
        // the order reaches the cache a moment before the outbox marks its row sent (a crash between the two is
        // caught by the check before resend): the queued count follows, it is not read in the same instant
        Poll.until(WAIT, "queued count back to 0", () -> backend.syncService().status().queuedWrites() == 0);

        fake.complete(sent.id());
        assertThat(backend.syncService().pollOpenOrders()).isEqualTo(1);

        AssessmentOrder done = only("c00001");
        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(done.score().normalised()).contains(82.0);
        assertThat(backend.candidateQueries().page(new CandidateFilter("", OrderStatus.Kind.COMPLETED), 0, 10))
                .extracting(CandidateRow::id).containsExactly("c00001");
        assertThat(events).anyMatch(e -> e.kind() == ChangeEvent.Kind.ORDERS && e.touches("c00001"));
        assertThat(backend.syncService().pollOpenOrders()).as("nothing open is left to poll").isZero();
    }

    @Test
    void aNetworkFaultHoldsTheRowWithTheReasonItSurvivesAReopenAndIsSentOnlyOnceConfirmed() {
        fake.offline = true;
        backend.orderService().queue(request("c00002"));

        Poll.until(WAIT, "send attempted", () -> only("c00002").lastError() != null);
        AssessmentOrder waiting = only("c00002");
        assertThat(waiting.status()).isEqualTo(OrderStatus.SENDING);
        assertThat(waiting.lastError()).startsWith("Queued while offline").endsWith("Cannot reach SmartRecruiters");
        assertThat(backend.syncService().status().queuedWrites()).isEqualTo(1);
        assertThat(backend.syncService().status().online()).as("a failed send flips the status bar").isFalse();
        assertThat(backend.writeQueue().heldCount()).isEqualTo(1);
        assertThat(backend.candidateQueries().page(new CandidateFilter("", OrderStatus.Kind.SENDING), 0, 10))
                .extracting(CandidateRow::id).containsExactly("c00002");

        backend.close();
        fake.offline = false;
        backend = openBackend();
        backend.orderService().sendPending();
        assertThat(fake.orders).as("held: nothing goes out before the recruiter confirms").isEmpty();

        backend.writeQueue().send(backend.writeQueue().unsent().stream().map(QueuedWrite::key).toList());
        Poll.until(WAIT, "sent once confirmed", () -> only("c00002").id() != null);
        assertThat(only("c00002").status()).isEqualTo(OrderStatus.SENT);
        assertThat(fake.orders).hasSize(1);
    }

    @Test
    void aRefusalMarksTheOrderFailedAndRetrySendsItWithTheSameKey() {
        fake.placeRefusal = new ApiException(422, "PACKAGE_NOT_OF_PARTNER", "Package does not belong to partner");
        AssessmentOrder queued = backend.orderService().queue(request("c00000"));

        Poll.until(WAIT, "order failed", () -> only("c00000").status().equals(OrderStatus.FAILED));
        assertThat(only("c00000").lastError()).contains("Package does not belong to partner");
        int attempts = fake.placeCalls.get();
        assertThat(attempts).isEqualTo(1);

        fake.placeRefusal = null;
        backend.orderService().retry(queued.idempotencyKey());

        Poll.until(WAIT, "order sent after retry", () -> only("c00000").id() != null);
        assertThat(fake.ordersByKey).containsOnlyKeys(queued.idempotencyKey());
    }

    @Test
    void aRefusedApiKeyKeepsTheOrderWaitingInsteadOfFailingIt() {
        fake.placeRefusal = new ApiException(401, "UNAUTHORIZED", "Invalid or missing credentials");
        backend.orderService().queue(request("c00002"));

        Poll.until(WAIT, "send attempted", () -> only("c00002").lastError() != null);
        assertThat(only("c00002").status()).isEqualTo(OrderStatus.SENDING);
        assertThat(only("c00002").lastError()).isEqualTo("The API key was refused");

        fake.placeRefusal = null;
        backend.orderService().nudge();
        Poll.until(WAIT, "sent once the key works", () -> only("c00002").id() != null);
    }

    @Test
    void anUnconnectedIntegrationKeepsTheOrderWaitingWithThatReasonInsteadOfFailingIt() {
        fake.placeRefusal = new ApiException(409, "INTEGRATION_NOT_CONNECTED", "The integration is not connected");
        backend.orderService().queue(request("c00001"));

        Poll.until(WAIT, "send attempted", () -> only("c00001").lastError() != null);
        assertThat(only("c00001").status()).isEqualTo(OrderStatus.SENDING);
        assertThat(only("c00001").lastError()).contains("assessment integration to be connected");
        assertThat(backend.writeQueue().heldCount()).as("not a connection failure: not held").isZero();
        assertThat(backend.syncService().status().online()).isTrue();

        fake.placeRefusal = null;
        backend.orderService().nudge();
        Poll.until(WAIT, "sent once connected", () -> only("c00001").id() != null);
        assertThat(fake.orders).hasSize(1);
    }

    @Test
    void openDuplicateSeesQueuedAndOpenOrdersButNotFinishedOnes() {
        OrderRequest req = request("c00001");
        assertThat(backend.orderService().openDuplicate(req)).isEmpty();

        fake.offline = true;
        backend.orderService().queue(req);
        assertThat(backend.orderService().openDuplicate(req)).hasValueSatisfying(o -> assertThat(o.isQueued()).isTrue());
        // the recruiter confirms what the review shows, i.e. writes the failed attempt held; confirming before the
        // sender's attempt failed (a loaded machine) left it held again with nobody to confirm it
        Poll.until(WAIT, "order held", () -> backend.writeQueue().heldCount() == 1);

        fake.offline = false;
        backend.writeQueue().send(backend.writeQueue().unsent().stream().map(QueuedWrite::key).toList());
        // sent: the order is in the cache and then the outbox row is marked sent (a moment later; waiting for the
        // first alone failed once on a loaded machine, with the row still unsent at the last check)
        Poll.until(WAIT, "order sent", () -> only("c00001").id() != null && backend.writeQueue().unsent().isEmpty());
        assertThat(backend.orderService().openDuplicate(req)).hasValueSatisfying(o -> assertThat(o.id()).isNotNull());

        fake.complete(only("c00001").id());
        backend.syncService().pollOpenOrders();
        assertThat(backend.orderService().openDuplicate(req)).isEmpty();
    }

    @Test
    void partnersNeedTheIntegrationAndAreCached() throws Exception {
        assertThat(backend.orderService().partners()).containsExactly(FakeSrApi.PARTNER);
        fake.integrationConnected = false;
        assertThat(backend.orderService().partners()).as("served from the short-lived cache").hasSize(1);
        assertThat(backend.orderService().packages("p1")).containsExactly(FakeSrApi.PACKAGE);
    }

    @Test
    void partnersReportAnUnconnectedIntegration() {
        fake.integrationConnected = false;
        assertThatThrownBy(() -> backend.orderService().partners()).isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).reason())
                        .isEqualTo(ServiceException.Reason.INTEGRATION_NOT_CONNECTED));
    }

    @Test
    void downloadWritesTheFile() throws Exception {
        Path target = backend.orderService().download("http://127.0.0.1/a/1", dir.resolve("out/report.pdf"));
        assertThat(Files.readString(target)).isEqualTo("file at http://127.0.0.1/a/1");
    }

    @Test
    void profileRefreshStoresDetailsApplicationIdsAndOrders() throws Exception {
        var placed = fake.placeOrder(FakeSrApi.applicationId("c00002", "j2"), "p1", "k1", "a@x.org", "k-1");
        var c = backend.profileService().refresh("c00002");
        assertThat(c.applications()).singleElement()
                .satisfies(a -> assertThat(a.applicationId()).isEqualTo("app-c00002-j2"));
        assertThat(backend.candidateQueries().orders("c00002")).extracting(AssessmentOrder::id).containsExactly(placed.id());
        assertThat(events).anyMatch(e -> e.kind() == ChangeEvent.Kind.ORDERS && e.candidateIds().equals(Set.of("c00002")));

        fake.offline = true;
        assertThatThrownBy(() -> backend.profileService().refresh("c00002")).isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).reason()).isEqualTo(ServiceException.Reason.OFFLINE));
        assertThat(backend.candidateQueries().candidate("c00002")).as("the cached copy stays").isPresent();
    }
}
