package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.store.CacheStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link MoveService}: per row, reads the application (its UUID and where it is now), moves it unless it is already
 * in the step, and when the step auto-triggers reads the application's orders before and after to name the new ones.
 */
public final class RemoteMoveService implements MoveService {

    private static final Logger log = LoggerFactory.getLogger(RemoteMoveService.class);

    private final CacheStore cache;
    private final ApiProvider apis;
    private final ChangeFeed feed;

    RemoteMoveService(CacheStore cache, ApiProvider apis, ChangeFeed feed) {
        this.cache = cache;
        this.apis = apis;
        this.feed = feed;
    }

    @Override
    public MoveSummary move(List<MoveRequest> rows, String status, String step, MoveProgress progress) {
        List<MoveResult> results = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        SmartRecruitersApi api;
        try {
            api = apis.api();
        } catch (ServiceException e) {
            for (MoveRequest r : rows) {
                MoveResult failed = new MoveResult(r, Outcome.FAILED, List.of(), e.getMessage());
                results.add(failed);
                progress.rowDone(failed, results.size(), rows.size());
            }
            return new MoveSummary(results);
        }
        Rules rules = new Rules(api);
        for (MoveRequest row : rows) {
            MoveResult result = moveOne(api, rules, row, status, step);
            if (result.outcome() != Outcome.FAILED) {
                touched.add(row.candidateId());
            }
            results.add(result);
            progress.rowDone(result, results.size(), rows.size());
        }
        MoveSummary summary = new MoveSummary(results);
        log.info("Moved {} of {} applications into {}/{} ({} already there, {} failed, {} orders caused)",
                summary.count(Outcome.MOVED), rows.size(), status, step, summary.count(Outcome.ALREADY_THERE),
                summary.count(Outcome.FAILED), summary.ordersCaused());
        if (!touched.isEmpty()) {
            feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, touched));
            feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, touched));
        }
        return summary;
    }

    private MoveResult moveOne(SmartRecruitersApi api, Rules rules, MoveRequest row, String status, String step) {
        try {
            ApplicationRef now = api.application(row.candidateId(), row.jobId());
            if (status.equals(now.status()) && Objects.equals(blankToNull(step), blankToNull(now.subStatus()))) {
                return new MoveResult(row, Outcome.ALREADY_THERE, List.of(), null);
            }
            StepAssessment rule = rules.onMove(row.jobId(), status, step);
            String appId = now.applicationId();
            Set<String> before = new HashSet<>();
            if (rule != null && appId != null) {
                api.orders(appId).forEach(o -> before.add(o.id()));
            }
            api.moveApplication(row.candidateId(), row.jobId(), status, step);
            List<AssessmentOrder> caused = new ArrayList<>();
            if (rule != null && appId != null) {
                for (AssessmentOrder o : api.orders(appId)) {
                    if (!before.contains(o.id())) {
                        caused.add(SyncOrders.owned(o, row.candidateId(), row.jobId(), null));
                    }
                }
            }
            ApplicationRef moved = new ApplicationRef(row.candidateId(), row.jobId(), now.jobTitle(), status,
                    blankToNull(step), appId, now.primary(), java.time.Instant.now());
            cache.upsertApplications(List.of(moved)).join();
            if (!caused.isEmpty()) {
                cache.upsertOrders(caused).join();
            }
            return new MoveResult(row, Outcome.MOVED, caused, null);
        } catch (ApiException e) {
            log.info("Moving an application failed: HTTP {} {}", e.httpStatus(), e.code());
            return new MoveResult(row, Outcome.FAILED, List.of(), ApiErrors.words(e));
        } catch (RuntimeException e) {
            log.warn("Moving an application failed", e);
            return new MoveResult(row, Outcome.FAILED, List.of(), "Could not move: " + e.getClass().getSimpleName());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The processes' move rules, read once per bulk move; a job's process once per job. */
    private static final class Rules {
        private final SmartRecruitersApi api;
        private final Map<String, HiringProcess> processes = new HashMap<>();
        private final Map<String, String> processOfJob = new HashMap<>();
        private boolean loaded;

        Rules(SmartRecruitersApi api) {
            this.api = api;
        }

        StepAssessment onMove(String jobId, String status, String step) throws ApiException {
            if (step == null || step.isBlank()) {
                return null;
            }
            if (!loaded) {
                api.hiringProcesses().forEach(p -> processes.put(p.id(), p));
                loaded = true;
            }
            String pid = processOfJob.get(jobId);
            if (pid == null && !processOfJob.containsKey(jobId)) {
                pid = api.job(jobId).hiringProcessId();
                processOfJob.put(jobId, pid);
            }
            HiringProcess p = pid == null ? null : processes.get(pid);
            return p == null ? null : p.assessmentOf(status, step).filter(StepAssessment::onMove).orElse(null);
        }
    }
}
