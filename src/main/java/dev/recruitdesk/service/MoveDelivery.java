package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.service.MoveService.MoveRequest;
import dev.recruitdesk.service.MoveService.MoveResult;
import dev.recruitdesk.service.MoveService.Outcome;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxEntry.MovePayload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * MOVE_APPLICATION rows: reads the application first (its UUID and where it is now) and moves it only when it is not
 * already in the step, so the check before a resend is part of every send: an earlier attempt whose answer was lost
 * shows as "already there" and is not moved twice. When the step auto-triggers, the application's orders are read
 * before and after to name the ones the move caused.
 */
final class MoveDelivery implements Delivery<MoveResult> {

    private final CacheStore cache;
    private final ChangeFeed feed;
    private final boolean keepRules;
    private Rules rules;

    /** {@code keepRules}: one bulk move reads the processes once; the background sender reads them per row. */
    MoveDelivery(CacheStore cache, ChangeFeed feed, boolean keepRules) {
        this.cache = cache;
        this.feed = feed;
        this.keepRules = keepRules;
    }

    @Override
    public MoveResult alreadyDone(SmartRecruitersApi api, OutboxEntry row) {
        return null; // send() reads the application before it moves anything
    }

    @Override
    public MoveResult send(SmartRecruitersApi api, OutboxEntry row) throws ApiException {
        MovePayload p = (MovePayload) row.payload();
        MoveRequest request = new MoveRequest(p.candidateId(), p.jobId(), p.candidateName());
        ApplicationRef now = api.application(p.candidateId(), p.jobId());
        if (p.status().equals(now.status()) && Objects.equals(blankToNull(p.step()), blankToNull(now.subStatus()))) {
            return new MoveResult(request, Outcome.ALREADY_THERE, List.of(), null);
        }
        if (rules == null || !keepRules || rules.api != api) {
            rules = new Rules(api);
        }
        StepAssessment rule = rules.onMove(p.jobId(), p.status(), p.step());
        String appId = now.applicationId();
        Set<String> before = new HashSet<>();
        if (rule != null && appId != null) {
            api.orders(appId).forEach(o -> before.add(o.id()));
        }
        api.moveApplicationOnce(p.candidateId(), p.jobId(), p.status(), p.step());
        List<AssessmentOrder> caused = new ArrayList<>();
        if (rule != null && appId != null) {
            for (AssessmentOrder o : api.orders(appId)) {
                if (!before.contains(o.id())) {
                    caused.add(SyncOrders.owned(o, p.candidateId(), p.jobId(), null));
                }
            }
        }
        ApplicationRef moved = new ApplicationRef(p.candidateId(), p.jobId(), now.jobTitle(), p.status(),
                blankToNull(p.step()), appId, now.primary(), Instant.now());
        cache.upsertApplications(List.of(moved)).join();
        if (!caused.isEmpty()) {
            cache.upsertOrders(caused).join();
        }
        return new MoveResult(request, Outcome.MOVED, caused, null);
    }

    @Override
    public String serverId(MoveResult result) {
        return null;
    }

    @Override
    public String candidateId(MoveResult result) {
        return result.row().candidateId();
    }

    @Override
    public void settled(OutboxEntry row, OutboxSender.Outcome outcome) {
        if (!keepRules && outcome == OutboxSender.Outcome.SENT) {
            // a queued move sent in the background: the screens learn it here (a bulk move announces once at its end)
            Set<String> touched = Set.of(row.payload().candidateId());
            feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, touched));
            feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, touched));
        }
    }

    /** Makes the delivery for one bulk move (processes read once for the whole batch). */
    record Factory(CacheStore cache, ChangeFeed feed) {
        MoveDelivery forBatch() {
            return new MoveDelivery(cache, feed, true);
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
