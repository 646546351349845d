package dev.recruitdesk.app;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.service.OrderRequest;
import dev.recruitdesk.service.SyncReport;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole recruiter path without a window: demo session on the simulator over real HTTP, full sync into H2,
 * find a candidate with several jobs, order an assessment, watch it reach an end state with a score and a report.
 */
class EndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void demoSessionSyncsOrdersAndReadsTheResult() throws Exception {
        SimulatorConfig fast = SimulatorConfig.builder().port(0).seed(7).candidates(300).rateLimit(false)
                .partnerPace(Duration.ofMillis(150)).build();
        try (AppSession session = AppSession.openDemo(dataDir, fast)) {
            assertThat(session.demo()).isTrue();
            SyncReport report = session.backend().syncService().syncOnce();
            assertThat(report.complete()).isTrue();
            // seeded open orders keep moving, so a candidate may be listed twice; the cache holds each once
            assertThat(report.candidatesStored()).isGreaterThanOrEqualTo(300);

            var queries = session.backend().candidateQueries();
            assertThat(queries.count(CandidateFilter.ALL)).isEqualTo(300);
            String someone = queries.page(CandidateFilter.ALL, 0, 300).stream()
                    .map(r -> queries.candidate(r.id()).orElseThrow())
                    .filter(c -> c.applications().size() >= 2)
                    .map(Candidate::id).findFirst().orElseThrow();

            Candidate c = session.backend().profileService().refresh(someone);
            assertThat(c.applications()).hasSizeGreaterThanOrEqualTo(2);
            ApplicationRef app = c.applications().get(1);

            List<Partner> partners = session.backend().orderService().partners();
            assertThat(partners).hasSizeGreaterThanOrEqualTo(3);
            Partner skills = partners.stream().filter(p -> "SKILLS_TEST".equals(p.type())).findFirst().orElseThrow();
            List<AssessmentPackage> packages = session.backend().orderService().packages(skills.id());
            assertThat(packages).hasSizeBetween(2, 5);
            AssessmentPackage pkg = packages.get(0);

            // as the app does once its window shows: the schedule that polls open orders (every 5 s). Without it
            // the order moved on only if the background walk over every application happened to reach it in time.
            session.backend().syncService().start();
            OrderRequest request = new OrderRequest(app, skills, pkg);
            AssessmentOrder queued = session.backend().orderService().queue(request);
            assertThat(queued.status().kind()).isEqualTo(OrderStatus.Kind.SENDING);
            assertThat(session.backend().orderService().openDuplicate(request)).isPresent();

            Supplier<AssessmentOrder> mine = () -> queries.orders(someone).stream()
                    .filter(o -> queued.idempotencyKey().equals(o.idempotencyKey()) || pkg.id().equals(o.packageId()) && app.jobId().equals(o.jobId()))
                    .findFirst().orElseThrow();
            AssessmentOrder done = waitFor(mine, o -> !o.status().isOpen(), Duration.ofSeconds(30));
            assertThat(done.id()).isNotNull();
            assertThat(done.history()).extracting(h -> h.status().kind())
                    .contains(OrderStatus.Kind.SENT, OrderStatus.Kind.IN_PROGRESS);
            if (done.status().kind() == OrderStatus.Kind.COMPLETED) {
                assertThat(done.score()).isNotNull();
                assertThat(done.score().normalised()).isPresent();
                assertThat(done.reportUrl()).startsWith("http://127.0.0.1");
                assertThat(done.attachments()).isNotEmpty();
                Path pdf = session.backend().orderService().download(done.attachments().get(0).url(), dataDir.resolve("report.pdf"));
                assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
            }
            // Exactly one order for that package on that application: the outbox never sends twice.
            long count = queries.orders(someone).stream()
                    .filter(o -> pkg.id().equals(o.packageId()) && app.jobId().equals(o.jobId()) && o.createdOn() != null
                            && !o.createdOn().isBefore(queued.createdOn().minusSeconds(5)))
                    .count();
            assertThat(count).isEqualTo(1);
        }
    }

    private static <T> T waitFor(Supplier<T> read, java.util.function.Predicate<T> until, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        T last = null;
        while (System.nanoTime() < end) {
            try {
                last = read.get();
                if (until.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // not there yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out; last seen: " + last);
    }
}
