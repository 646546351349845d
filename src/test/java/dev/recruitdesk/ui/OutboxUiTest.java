package dev.recruitdesk.ui;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.BackendOptions;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.service.OrderRequest;
import dev.recruitdesk.service.SecretStore;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import dev.recruitdesk.ui.outbox.OutboxReviewDialog;
import dev.recruitdesk.ui.outbox.OutboxReviewViewModel;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline and back, in a real window (headless Monocle) on the real services against the simulator: an order queued
 * while the simulator is stopped is held; once it runs again the banner offers the review, the dialog lists the
 * order, and Send all sends it (the row, then the order, show Sent).
 */
@ExtendWith(ApplicationExtension.class)
class OutboxUiTest extends FxRobot {

    static {
        System.setProperty("recruitdesk.ui.rememberWindow", "false");
    }

    @TempDir
    static Path dir;
    private Simulator sim;
    private int port;
    private Backend backend;
    private ExecutorService background;
    private MainWindow window;

    private static SimulatorConfig config(int port) {
        return SimulatorConfig.builder().port(port).candidates(20).jobs(4).partnerPace(Duration.ofHours(1))
                .integrationConnected(true).build();
    }

    @Start
    void start(Stage stage) throws Exception {
        sim = Simulator.start(config(0));
        port = sim.baseUrl().getPort();
        SmartRecruitersClient client = new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()),
                ClientOptions.builder().requestTimeout(Duration.ofSeconds(5)).maxRetries(2)
                        .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100)).build());
        Path data = Files.createTempDirectory(dir, "data");
        backend = Backend.open(data, BackendOptions.of(a -> client)
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(200))
                .withSecretStore(new NoSecrets()));
        backend.syncService().syncOnce();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "outbox-ui-test");
            t.setDaemon(true);
            return t;
        });
        UiContext context = new UiContext(backend.candidateQueries(), backend.profileService(),
                backend.orderService(), backend.accountService(), backend.syncService(), backend.changeFeed(),
                new FxTaskRunner(background), true, null, null, backend.writeQueue());
        window = new MainWindow(context, uri -> { });
        window.show(stage);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        backend.close();
        sim.close();
    }

    @Test
    void anOrderQueuedOfflineIsReviewedAndSentAfterConfirm() throws Exception {
        String candidateId = backend.candidateQueries().page(new CandidateFilter("", null), 0, 1).get(0).id();
        ApplicationRef app = backend.candidateQueries().candidate(candidateId).orElseThrow().applications().get(0);
        Partner partner = backend.orderService().partners().get(0);
        AssessmentPackage pack = backend.orderService().packages(partner.id()).get(0);
        assertThat(lookup("#outbox-banner").query().isVisible()).as("nothing queued: no banner").isFalse();

        sim.close(); // offline
        AssessmentOrder queued = backend.orderService().queue(new OrderRequest(app, partner, pack));
        waitUntil(() -> text("#status-online").startsWith("Offline"), () -> text("#status-online"));
        waitUntil(() -> text("#status-queued").contains("1"), () -> text("#status-queued"));
        assertThat(lookup("#outbox-banner").query().isVisible()).as("still offline: no review yet").isFalse();

        sim = Simulator.start(config(port)); // back online
        waitUntil(() -> lookup("#outbox-banner").query().isVisible(), () -> text("#status-online"));
        assertThat(text("#outbox-banner-text")).isEqualTo("1 write queued while offline:");
        int before = sim.ordersOf(app.candidateId(), app.jobId()); // the restarted simulator's seeded orders
        backend.orderService().sendPending();
        assertThat(sim.ordersOf(app.candidateId(), app.jobId())).as("nothing sent before confirm").isEqualTo(before);

        clickOn("#outbox-review");
        waitUntil(() -> window.outboxDialog() != null && window.outboxDialog().stage().isShowing()
                && window.outboxDialog().viewModel().rows().size() == 1);
        OutboxReviewDialog dialog = window.outboxDialog();
        assertThat(dialog.stage().getOwner()).as("owned by the main window").isSameAs(window.stage());
        OutboxReviewViewModel.Row row = dialog.viewModel().rows().get(0);
        assertThat(row.kind()).isEqualTo("Order");
        assertThat(row.target()).contains(pack.name());
        assertThat(row.state()).isEqualTo("Held: sent when you confirm");
        assertThat(row.lastError()).isEqualTo("Cannot reach SmartRecruiters");
        assertThat(row.queuedAt()).isNotBlank();

        clickOn("#outbox-send-all");
        waitUntil(() -> !dialog.viewModel().rows().isEmpty()
                && dialog.viewModel().rows().get(0).state().equals("Sent"),
                () -> dialog.viewModel().rows().toString());
        waitUntil(() -> !lookup("#outbox-banner").query().isVisible());
        Optional<AssessmentOrder> sent = backend.candidateQueries().orders(app.candidateId()).stream()
                .filter(o -> queued.idempotencyKey().equals(o.idempotencyKey())).findFirst();
        assertThat(sent).hasValueSatisfying(o -> {
            assertThat(o.id()).isNotNull();
            assertThat(o.status()).isEqualTo(OrderStatus.SENT);
        });
        assertThat(sim.ordersOf(app.candidateId(), app.jobId())).as("sent once").isEqualTo(before + 1);
        clickOn("#outbox-close");
    }

    private String text(String query) {
        String[] out = new String[1];
        interact(() -> {
            // a status-bar part is built when it first shows: until then it reads as empty
            Node n = lookup(query).tryQuery().orElse(null);
            out[0] = n instanceof Labeled l ? l.getText() : "";
        });
        return out[0] == null ? "" : out[0];
    }

    private void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, () -> "");
    }

    private void waitUntil(BooleanSupplier condition, Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                boolean[] result = new boolean[1];
                interact(() -> result[0] = condition.getAsBoolean());
                return result[0];
            });
        } catch (TimeoutException e) {
            String[] now = new String[1];
            interact(() -> now[0] = state.get());
            throw new AssertionError("condition not met within 30 s; state: " + now[0], e);
        }
    }

    private static final class NoSecrets implements SecretStore {
        @Override
        public void put(Key key, String value) {
        }

        @Override
        public Optional<String> get(Key key) {
            return Optional.empty();
        }

        @Override
        public void remove(Key key) {
        }

        @Override
        public String backendName() {
            return "none";
        }
    }
}
