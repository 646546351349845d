package dev.recruitdesk.ui;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.service.AddCandidateService;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.BackendOptions;
import dev.recruitdesk.service.SecretStore;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import dev.recruitdesk.ui.process.AddCandidateDialog;
import dev.recruitdesk.ui.process.MoveDialog;
import dev.recruitdesk.ui.process.ProcessViewModel;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hiring-process screen, the bulk move and Add Candidate in a real window (headless Monocle) on the real
 * services, client and cache against the embedded simulator.
 */
@ExtendWith(ApplicationExtension.class)
class ProcessUiTest extends FxRobot {

    static {
        System.setProperty("recruitdesk.ui.rememberWindow", "false");
    }

    @TempDir
    static Path dir;
    private Simulator sim;
    private SmartRecruitersClient client;
    private Backend backend;
    private ExecutorService background;
    private MainWindow window;
    private UiContext context;

    @Start
    void start(Stage stage) throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(40).partnerPace(Duration.ofHours(1))
                .integrationConnected(true).build());
        client = new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults());
        Path data = Files.createTempDirectory(dir, "data");
        backend = Backend.open(data, BackendOptions.of(a -> client)
                .withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                .withSecretStore(new NoSecrets()));
        backend.syncService().syncOnce();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "process-ui-test");
            t.setDaemon(true);
            return t;
        });
        context = new UiContext(backend.candidateQueries(), backend.profileService(), backend.orderService(),
                backend.accountService(), backend.syncService(), backend.changeFeed(), new FxTaskRunner(background),
                true, null, new UiContext.ProcessServices(backend.hiringProcessService(), backend.moveService(),
                backend.addCandidateService()));
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
    void processEditorRefusesBadNamesPreviewsAndSaves() {
        clickOn("#nav-process");
        waitUntil(() -> window.processView() != null && !window.processView().viewModel().processes().isEmpty());
        ProcessViewModel vm = window.processView().viewModel();
        interact(() -> vm.processProperty().set(vm.processes().stream()
                .filter(p -> p.name().equals("Standard Hiring")).findFirst().orElseThrow()));

        clickOn("#add-step");
        assertThat(text("#new-step-error")).isEqualTo("A step name is required");
        clickOn("#new-step-name").write("cv screen");
        clickOn("#add-step");
        assertThat(text("#new-step-error")).contains("already a step");
        interact(() -> vm.newStepNameProperty().set("Skills Test"));
        clickOn("#add-step");
        waitUntil(() -> vm.steps().stream().anyMatch(r -> r.step().equals("Skills Test")));
        waitUntil(() -> vm.stepProperty().get() != null && vm.stepProperty().get().step().equals("Skills Test"));

        // No package chosen: inline error, nothing saved.
        waitUntil(() -> !vm.partners().isEmpty());
        interact(() -> vm.partnerProperty().set(vm.partners().get(0)));
        clickOn("#rule-save");
        assertThat(text("#rule-package-error")).isEqualTo("Choose a package");

        waitUntil(() -> !vm.packages().isEmpty());
        interact(() -> vm.packageProperty().set(vm.packages().get(0)));
        waitUntil(() -> text("#rule-preview").contains("Nobody is in Skills Test now")
                && text("#rule-preview").contains("Next move"), () -> text("#rule-preview") + " | " + text("#process-message"));
        clickOn("#rule-on-add");
        waitUntil(() -> text("#rule-preview").contains("Next add"));
        // The editor scrolls on a small screen: press Save as a keyboard user would, wherever it sits.
        interact(() -> lookup("#rule-save").queryButton().fire());
        waitUntil(() -> text("#process-message").startsWith("Saved"),
                () -> text("#process-message") + " | " + text("#rule-package-error") + " | " + text("#new-step-error"));
        assertThat(vm.steps()).anySatisfy(r -> {
            assertThat(r.step()).isEqualTo("Skills Test");
            assertThat(r.assessment()).contains("on add and on move");
        });
        // the steps table cuts a long assessment short at this width; its cell's tooltip gives the whole text
        String whole = vm.steps().stream().filter(r -> r.step().equals("Skills Test")).findFirst().orElseThrow()
                .assessment();
        waitUntil(() -> lookup("#process-steps .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .anyMatch(c -> whole.equals(c.getText()) && c.getTooltip() != null
                        && whole.equals(c.getTooltip().getText())));
    }

    @Test
    void bulkMoveOrdersOncePerCandidateAndARetryOrdersNothing() throws Exception {
        HiringProcess engineering = backend.hiringProcessService().processes().stream()
                .filter(p -> p.name().equals("Engineering Hiring")).findFirst().orElseThrow();
        Job job = backend.hiringProcessService().jobsOf(engineering.id()).get(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Candidate c = backend.addCandidateService().create(new AddCandidateService.NewCandidate(job.id(),
                    "Zed" + i, "Bulkmove", "zed" + i + ".bulk@example.com", null));
            ids.add(c.id());
        }
        clickOn("#people-search").write("bulkmove");
        TableView<?> table = lookup("#people-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 3 && table.getItems().stream().allMatch(java.util.Objects::nonNull));
        // A refresh may still replace the rows under a selection: select until all three stay selected.
        waitUntil(() -> {
            if (window.peopleView().selectedIds().size() != 3) {
                table.getSelectionModel().selectAll();
            }
            return window.peopleView().selectedIds().size() == 3;
        }, () -> window.peopleView().selectedIds().toString());
        clickOn("#people-move");
        waitUntil(() -> window.moveDialog() != null && window.moveDialog().viewModel().readyProperty().get());
        MoveDialog dialog = window.moveDialog();
        interact(() -> dialog.viewModel().selectStep("Skills Test"));
        clickOn("#move-start");
        waitUntil(() -> dialog.viewModel().summaryProperty().get().startsWith("3 moved"),
                () -> dialog.viewModel().summaryProperty().get() + " " + dialog.viewModel().rows());
        assertThat(dialog.viewModel().summaryProperty().get()).contains("3 assessment order(s)");
        assertThat(dialog.viewModel().rows()).allSatisfy(r -> assertThat(r.orders()).startsWith("Ordered"));
        assertThat(dialog.viewModel().progressProperty().get()).isEqualTo(1.0);
        interact(() -> dialog.stage().close());

        // The move refreshed the list: select the three again, as a recruiter retrying would.
        waitUntil(() -> table.getItems().size() == 3 && table.getItems().stream().allMatch(java.util.Objects::nonNull));
        // The move's change events refresh the list, which may narrow a selection: select and open in one FX step.
        waitUntil(() -> {
            if (window.peopleView().selectedIds().size() != 3) {
                table.getSelectionModel().selectAll();
            }
            if (window.peopleView().selectedIds().size() != 3) {
                return false;
            }
            window.openMoveDialog(window.peopleView().selectedIds());
            return true;
        }, () -> window.peopleView().selectedIds().toString());
        waitUntil(() -> window.moveDialog() != dialog && window.moveDialog().viewModel().readyProperty().get());
        MoveDialog again = window.moveDialog();
        interact(() -> again.viewModel().selectStep("Skills Test"));
        clickOn("#move-start");
        waitUntil(() -> again.viewModel().summaryProperty().get().startsWith("0 moved, 3 already there"),
                () -> again.viewModel().summaryProperty().get() + " " + again.viewModel().rows());
        interact(() -> again.stage().close());

        for (String id : ids) {
            String appId = client.application(id, job.id()).applicationId();
            List<AssessmentOrder> orders = client.orders(appId);
            assertThat(orders).hasSize(1);
        }
    }

    @Test
    void addCandidateByFormChecksFieldsInlineAndWarnsAboutASameEmail() throws Exception {
        Candidate existing = backend.candidateQueries().candidate(
                backend.candidateQueries().page(dev.recruitdesk.service.CandidateFilter.ALL, 0, 1).get(0).id())
                .orElseThrow();
        clickOn("#people-add");
        waitUntil(() -> window.addCandidateDialog() != null && !window.addCandidateDialog().viewModel().jobs().isEmpty());
        clickOn("#add-first-name").write("Nia");
        clickOn("#add-email").write("nia@");
        waitUntil(() -> text("#add-last-name-error").equals("Last name is required"));
        assertThat(text("#add-email-error")).startsWith("Enter an email address");
        // QA finding: the inline errors pushed "Phone (optional)" under the button bar; the dialog must grow instead.
        waitUntil(() -> aboveTheButtons("#add-phone"));
        assertThat(lookup("#add-submit").queryButton().isDisabled()).isTrue();
        assertThat(window.addCandidateDialog().stage().isShowing()).isTrue();

        clickOn("#add-last-name").write("Okafor");
        interact(() -> window.addCandidateDialog().viewModel().emailProperty().set(existing.email()));
        waitUntil(() -> lookup("#add-same-email").queryLabeled().getText().contains(existing.displayName()));

        interact(() -> window.addCandidateDialog().viewModel().emailProperty().set("nia.okafor@example.com"));
        waitUntil(() -> text("#add-email-error").isEmpty() && text("#add-same-email").isEmpty());
        assertThat(lookup("#add-submit").queryButton().isDisabled()).isFalse();
        clickOn("#add-submit");
        waitUntil(() -> window.profileView() != null && window.profileView().viewModel().candidateProperty().get() != null
                && "Nia Okafor".equals(window.profileView().viewModel().candidateProperty().get().displayName()));
    }

    private boolean aboveTheButtons(String fieldId) {
        javafx.geometry.Bounds field = lookup(fieldId).query().localToScreen(lookup(fieldId).query().getBoundsInLocal());
        Node submit = lookup("#add-submit").query();
        javafx.geometry.Bounds button = submit.localToScreen(submit.getBoundsInLocal());
        Stage dialog = window.addCandidateDialog().stage();
        return field.getMaxY() <= button.getMinY() && button.getMaxY() <= dialog.getY() + dialog.getHeight();
    }

    @Test
    void addCandidateFromResumeRefusesBadFilesAndReadsANonLatinName() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        Path png = Files.write(dir.resolve("photo.png"), new byte[]{1, 2});
        Path big = Files.write(dir.resolve("huge.docx"), new byte[(int) AddCandidateService.MAX_RESUME_BYTES + 1]);
        Path greek = Files.writeString(dir.resolve("βιογραφικό.txt"), "Ελένη Παπαδοπούλου\neleni.p@example.gr\n",
                StandardCharsets.UTF_8);

        interact(() -> window.openAddCandidate(empty));
        AddCandidateDialog dialog = window.addCandidateDialog();
        waitUntil(() -> !dialog.viewModel().jobs().isEmpty());
        assertThat(text("#add-file-error")).isEqualTo("The file is empty");
        clickOn("#add-submit");
        assertThat(dialog.stage().isShowing()).isTrue();

        interact(() -> dialog.viewModel().chooseResume(png));
        assertThat(text("#add-file-error")).startsWith("Choose a PDF, DOCX");
        interact(() -> dialog.viewModel().chooseResume(big));
        assertThat(text("#add-file-error")).contains("5 MB");
        assertThat(text("#add-drop-zone")).contains("up to 5 MB");

        interact(() -> dialog.viewModel().chooseResume(greek));
        assertThat(text("#add-file-error")).isEmpty();
        assertThat(text("#add-file-name")).isEqualTo("βιογραφικό.txt");
        clickOn("#add-submit");
        waitUntil(() -> window.profileView() != null && window.profileView().viewModel().candidateProperty().get() != null
                && "Ελένη Παπαδοπούλου".equals(window.profileView().viewModel().candidateProperty().get().displayName()));
        assertThat(dialog.stage().isShowing()).isFalse();
    }

    @Test
    void screenshotTourCoversTheNewScreens() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "screenshots"));
        List<Path> written = new ArrayList<>();
        ScreenshotTour.processScreens(window, windowContext(), out, written);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("hiring-process.png", "move-dialog.png", "add-candidate.png", "add-candidate-resume.png");
        for (Path p : written) {
            assertThat(javax.imageio.ImageIO.read(p.toFile()).getWidth()).isGreaterThan(300);
        }
    }

    private UiContext windowContext() {
        return context;
    }

    /** The factory ignores the account: no secret is ever read. */
    private static final class NoSecrets implements SecretStore {
        @Override
        public void put(Key key, String value) {
        }

        @Override
        public java.util.Optional<String> get(Key key) {
            return java.util.Optional.empty();
        }

        @Override
        public void remove(Key key) {
        }

        @Override
        public String backendName() {
            return "none";
        }
    }

    private String text(String query) {
        String[] out = new String[1];
        interact(() -> out[0] = lookup(query).<Labeled>query().getText());
        return out[0] == null ? "" : out[0];
    }

    private void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, () -> "");
    }

    private void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> {
                boolean[] result = new boolean[1];
                interact(() -> result[0] = condition.getAsBoolean());
                return result[0];
            });
        } catch (TimeoutException e) {
            String[] now = new String[1];
            interact(() -> now[0] = state.get());
            throw new AssertionError("condition not met within 40 s; state: " + now[0], e);
        }
    }
}
