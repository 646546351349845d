package dev.recruitdesk.service;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.service.MoveService.MoveRequest;
import dev.recruitdesk.service.MoveService.MoveSummary;
import dev.recruitdesk.service.MoveService.Outcome;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Hiring-process, move and add-candidate services against the embedded simulator, with the real client and cache. */
class HiringProcessServicesTest {

    @TempDir
    Path dir;
    Simulator sim;
    SmartRecruitersClient client;
    Backend backend;
    HiringProcessService processes;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimulatorConfig.builder().candidates(60).partnerPace(Duration.ofHours(1))
                .integrationConnected(true).build());
        client = new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()), ClientOptions.defaults());
        backend = Backend.open(dir, BackendOptions.of(a -> client)
                .withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                .withSecretStore(new MemorySecretStore()));
        backend.syncService().syncOnce();
        processes = backend.hiringProcessService();
    }

    @AfterEach
    void stop() {
        backend.close();
        sim.close();
    }

    private HiringProcess process(String name) throws ServiceException {
        return processes.processes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void addStepRefusesBlankAndDuplicateNames() throws Exception {
        HiringProcess standard = process("Standard Hiring");
        FieldProblem blank = catchThrowableOfType(FieldProblem.class, () -> processes.addStep(standard, "IN_REVIEW", " "));
        assertThat(blank.field()).isEqualTo("name");
        FieldProblem dup = catchThrowableOfType(FieldProblem.class,
                () -> processes.addStep(standard, "INTERVIEW", "cv screen"));
        assertThat(dup.field()).isEqualTo("name");
        assertThat(dup.getMessage()).contains("already a step");

        HiringProcess saved = processes.addStep(standard, "IN_REVIEW", "Skills Test");
        assertThat(saved.stepsOf("IN_REVIEW")).contains("Skills Test");
    }

    @Test
    void saveRefusesAPackageOfAnotherPartner() throws Exception {
        HiringProcess standard = processes.addStep(process("Standard Hiring"), "IN_REVIEW", "Skills Test");
        List<Partner> partners = processes.partners();
        AssessmentPackage foreign = processes.packages(partners.get(1).id()).get(0);
        FieldProblem p = catchThrowableOfType(FieldProblem.class, () -> processes.save(standard,
                new StepAssessment("IN_REVIEW", "Skills Test", partners.get(0).id(), foreign.id(), true, false), false));
        assertThat(p.field()).isEqualTo("package");
        FieldProblem none = catchThrowableOfType(FieldProblem.class, () -> processes.save(standard,
                new StepAssessment("IN_REVIEW", "Skills Test", partners.get(0).id(), null, true, false), false));
        assertThat(none.field()).isEqualTo("package");
    }

    @Test
    void previewShowsThoseInTheStepAndOrderExistingOrdersForThemOnce() throws Exception {
        HiringProcess standard = processes.addStep(process("Standard Hiring"), "IN_REVIEW", "Skills Test");
        Job job = processes.jobsOf(standard.id()).get(0);
        List<MoveRequest> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Candidate c = backend.addCandidateService().create(new AddCandidateService.NewCandidate(job.id(),
                    "Pre" + i, "View", "preview" + i + "@example.com", null));
            rows.add(new MoveRequest(c.id(), job.id(), c.displayName()));
        }
        backend.moveService().move(rows, "IN_REVIEW", "Skills Test", (r, d, t) -> { });

        Partner partner = processes.partners().get(0);
        AssessmentPackage pkg = processes.packages(partner.id()).get(0);
        StepAssessment rule = new StepAssessment("IN_REVIEW", "Skills Test", partner.id(), pkg.id(), true, false);
        HiringProcessService.RulePreview preview = processes.preview(standard, rule);
        assertThat(preview.inStep()).extracting(HiringProcessService.StepMember::name)
                .contains("Pre0 View", "Pre1 View");
        int before = preview.wouldOrderNow();
        assertThat(before).isGreaterThanOrEqualTo(2);

        HiringProcessService.SaveResult saved = processes.save(standard, rule, true);
        assertThat(saved.ordersPlaced()).hasSize(before);
        assertThat(saved.process().assessmentOf("IN_REVIEW", "Skills Test")).isPresent();
        // Now they all have an open order: the preview says nobody more would get one, and saving again orders none.
        assertThat(processes.preview(saved.process(), rule).wouldOrderNow()).isZero();
        assertThat(processes.save(saved.process(), rule, true).ordersPlaced()).isEmpty();
    }

    @Test
    void bulkMoveIntoTheSkillsTestOrdersOncePerCandidateEvenWhenRetried() throws Exception {
        HiringProcess engineering = process("Engineering Hiring");
        Job job = processes.jobsOf(engineering.id()).get(0);
        AddCandidateService add = backend.addCandidateService();
        List<MoveRequest> rows = new ArrayList<>();
        Candidate byForm = add.create(new AddCandidateService.NewCandidate(job.id(), "Ada", "Form", "ada.form@example.com", "+44 20 7946 0000"));
        rows.add(new MoveRequest(byForm.id(), job.id(), byForm.displayName()));
        Path resume = dir.resolve("cv.txt");
        Files.writeString(resume, "Bo Resume\nbo.resume@example.com\n", StandardCharsets.UTF_8);
        Candidate byResume = add.upload(job.id(), resume);
        assertThat(byResume.displayName()).isEqualTo("Bo Resume");
        rows.add(new MoveRequest(byResume.id(), job.id(), byResume.displayName()));
        Candidate third = add.create(new AddCandidateService.NewCandidate(job.id(), "Cy", "Third", "cy@example.com", null));
        rows.add(new MoveRequest(third.id(), job.id(), third.displayName()));

        AtomicInteger progressCalls = new AtomicInteger();
        MoveSummary first = backend.moveService().move(rows, "IN_REVIEW", "Skills Test",
                (r, done, total) -> progressCalls.incrementAndGet());
        assertThat(progressCalls).hasValue(3);
        assertThat(first.count(Outcome.MOVED)).isEqualTo(3);
        assertThat(first.ordersCaused()).isEqualTo(3);

        MoveSummary retry = backend.moveService().move(rows, "IN_REVIEW", "Skills Test", (r, d, t) -> { });
        assertThat(retry.count(Outcome.ALREADY_THERE)).isEqualTo(3);
        assertThat(retry.ordersCaused()).isZero();

        for (MoveRequest row : rows) {
            String appId = client.application(row.candidateId(), row.jobId()).applicationId();
            List<AssessmentOrder> orders = client.orders(appId);
            assertThat(orders).hasSize(1);
        }
        sim.advancePartnerClock();
        sim.advancePartnerClock();
        for (MoveRequest row : rows) {
            String appId = client.application(row.candidateId(), row.jobId()).applicationId();
            assertThat(client.orders(appId)).singleElement()
                    .satisfies(o -> assertThat(o.status().kind().terminal()).isTrue());
        }
    }

    @Test
    void addCandidateChecksFieldsFilesAndWarnsAboutASameEmail() throws Exception {
        AddCandidateService add = backend.addCandidateService();
        Job job = backend.candidateQueries().jobs().get(0);
        FieldProblem email = catchThrowableOfType(FieldProblem.class,
                () -> add.create(new AddCandidateService.NewCandidate(job.id(), "A", "B", "not-an-email", null)));
        assertThat(email.field()).isEqualTo("email");
        FieldProblem first = catchThrowableOfType(FieldProblem.class,
                () -> add.create(new AddCandidateService.NewCandidate(job.id(), " ", "B", "a@b.co", null)));
        assertThat(first.field()).isEqualTo("firstName");

        Candidate existing = backend.candidateQueries().candidate(
                backend.candidateQueries().page(CandidateFilter.ALL, 0, 1).get(0).id()).orElseThrow();
        assertThat(add.sameEmail(existing.email().toUpperCase(java.util.Locale.ROOT)))
                .extracting(Candidate::id).containsExactly(existing.id());

        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        assertThat(catchThrowableOfType(FieldProblem.class, () -> add.upload(job.id(), empty)).getMessage())
                .contains("empty");
        Path png = Files.write(dir.resolve("photo.png"), new byte[]{1});
        assertThat(catchThrowableOfType(FieldProblem.class, () -> add.upload(job.id(), png)).field()).isEqualTo("file");
        Path big = Files.write(dir.resolve("big.txt"), new byte[(int) AddCandidateService.MAX_RESUME_BYTES + 1]);
        assertThat(catchThrowableOfType(FieldProblem.class, () -> add.upload(job.id(), big)).getMessage())
                .contains("5 MB");
        Path nameless = Files.writeString(dir.resolve("nameless.txt"), "just text, no address");
        assertThat(catchThrowableOfType(FieldProblem.class, () -> add.upload(job.id(), nameless)).field())
                .isEqualTo("file");

        Path cyrillic = Files.writeString(dir.resolve("резюме.txt"), "Светлана Орлова\nsveta.orlova@example.com\n",
                StandardCharsets.UTF_8);
        Candidate c = add.upload(job.id(), cyrillic);
        assertThat(c.displayName()).isEqualTo("Светлана Орлова");
        assertThat(add.sameEmail("sveta.orlova@example.com")).hasSize(1);
    }
}
