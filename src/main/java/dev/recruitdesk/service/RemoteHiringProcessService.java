package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.store.CacheStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HiringProcessService} over SmartRecruiters (the simulator's configuration calls) and the cache. */
public final class RemoteHiringProcessService implements HiringProcessService {

    private static final Logger log = LoggerFactory.getLogger(RemoteHiringProcessService.class);
    private static final int MAX_STEP_NAME = 80;

    private final CacheStore cache;
    private final ApiProvider apis;
    private final ChangeFeed feed;
    /** Job -> process, as read from {@code GET /jobs/{id}}: the listing the sync stores does not carry it. */
    private final Map<String, String> processOfJob = new ConcurrentHashMap<>();

    RemoteHiringProcessService(CacheStore cache, ApiProvider apis, ChangeFeed feed) {
        this.cache = cache;
        this.apis = apis;
        this.feed = feed;
    }

    @Override
    public List<HiringProcess> processes() throws ServiceException {
        try {
            return apis.api().hiringProcesses();
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public List<Job> jobsOf(String processId) throws ServiceException {
        List<Job> out = new ArrayList<>();
        for (Job j : cache.jobs()) {
            String pid = j.hiringProcessId() != null ? j.hiringProcessId() : processOfJob.get(j.id());
            if (pid == null) {
                try {
                    pid = apis.api().job(j.id()).hiringProcessId();
                } catch (ApiException e) {
                    throw ApiErrors.toService(e);
                }
                if (pid != null) {
                    processOfJob.put(j.id(), pid);
                }
            }
            if (processId.equals(pid)) {
                out.add(j);
            }
        }
        return out;
    }

    @Override
    public java.util.Optional<HiringProcess> processOfJob(String jobId) throws ServiceException {
        String pid = cache.jobs().stream().filter(j -> j.id().equals(jobId)).map(Job::hiringProcessId)
                .filter(java.util.Objects::nonNull).findFirst().orElse(processOfJob.get(jobId));
        try {
            if (pid == null) {
                pid = apis.api().job(jobId).hiringProcessId();
                if (pid == null) {
                    return java.util.Optional.empty();
                }
                processOfJob.put(jobId, pid);
            }
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
        String wanted = pid;
        return processes().stream().filter(p -> p.id().equals(wanted)).findFirst();
    }

    @Override
    public List<Partner> partners() throws ServiceException {
        try {
            return apis.api().partners();
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public List<AssessmentPackage> packages(String partnerId) throws ServiceException {
        try {
            return apis.api().packages(partnerId);
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public HiringProcess addStep(HiringProcess process, String status, String name) throws ServiceException {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new FieldProblem("name", "A step name is required");
        }
        if (clean.length() > MAX_STEP_NAME) {
            throw new FieldProblem("name", "A step name is at most " + MAX_STEP_NAME + " characters");
        }
        if (process.hasStepNamed(clean)) {
            throw new FieldProblem("name", "\"" + clean + "\" is already a step of " + process.name());
        }
        if (!HiringProcess.STEP_STATUSES.contains(status)) {
            throw new FieldProblem("status", "Choose where the step goes: In review, Interview or Offered");
        }
        try {
            HiringProcess saved = apis.api().addHiringProcessStep(process.id(), status, clean);
            log.info("Added step {} under {} to process {}", clean, status, process.id());
            return saved;
        } catch (ApiException e) {
            if (e.httpStatus() == 409) {
                // Someone else added it meanwhile: the same words as our own check.
                throw new FieldProblem("name", "\"" + clean + "\" is already a step of " + process.name());
            }
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public RulePreview preview(HiringProcess process, StepAssessment rule) throws ServiceException {
        List<Job> jobs = jobsOf(process.id());
        Map<String, String> titles = new java.util.HashMap<>();
        jobs.forEach(j -> titles.put(j.id(), j.title()));
        List<ApplicationRef> apps = cache.applicationsInStep(titles.keySet(), rule.status(), rule.step());
        Set<String> candidateIds = new HashSet<>();
        apps.forEach(a -> candidateIds.add(a.candidateId()));
        Set<String> withOpenOrder = new HashSet<>();
        for (String cid : candidateIds) {
            for (AssessmentOrder o : cache.ordersOfCandidate(cid)) {
                if (o.status().isOpen() && rule.packageId() != null && rule.packageId().equals(o.packageId())) {
                    withOpenOrder.add(cid + "|" + o.jobId());
                }
            }
        }
        List<StepMember> members = new ArrayList<>();
        int wouldOrder = 0;
        for (ApplicationRef a : apps) {
            String name = cache.candidate(a.candidateId()).map(Candidate::displayName).orElse(a.candidateId());
            boolean open = withOpenOrder.contains(a.candidateId() + "|" + a.jobId());
            if (!open) {
                wouldOrder++;
            }
            members.add(new StepMember(a.candidateId(), name, a.jobId(),
                    a.jobTitle() != null ? a.jobTitle() : titles.get(a.jobId()), open));
        }
        members.sort(java.util.Comparator.comparing(StepMember::name, String.CASE_INSENSITIVE_ORDER));
        return new RulePreview(members, wouldOrder, rule.onMove(), rule.onAdd(), jobs);
    }

    @Override
    public SaveResult save(HiringProcess process, StepAssessment rule, boolean orderExisting) throws ServiceException {
        if (!process.stepsOf(rule.status()).contains(rule.step())) {
            throw new FieldProblem("name", "Choose a step of " + process.name());
        }
        if (rule.partnerId() == null || rule.partnerId().isBlank()) {
            throw new FieldProblem("partner", "Choose a partner");
        }
        if (rule.packageId() == null || rule.packageId().isBlank()) {
            throw new FieldProblem("package", "Choose a package");
        }
        if (packages(rule.partnerId()).stream().noneMatch(p -> p.id().equals(rule.packageId()))) {
            throw new FieldProblem("package", "This package is not offered by the chosen partner");
        }
        try {
            SmartRecruitersApi.SavedRule saved = apis.api().saveStepAssessment(process.id(), rule, orderExisting);
            log.info("Saved the rule of step {} in process {} ({} orders for those already there)", rule.step(),
                    process.id(), saved.ordersPlaced().size());
            if (!saved.ordersPlaced().isEmpty()) {
                List<AssessmentOrder> owned = new ArrayList<>();
                for (AssessmentOrder o : saved.ordersPlaced()) {
                    owned.add(SyncOrders.owned(o, o.candidateId(), o.jobId(), null));
                }
                Set<String> changed = cache.upsertOrders(owned).join();
                feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, changed));
            }
            return new SaveResult(saved.process(), saved.ordersPlaced());
        } catch (ApiException e) {
            if (e.httpStatus() == 422) {
                throw new FieldProblem("package", "This package is not offered by the chosen partner");
            }
            throw ApiErrors.toService(e);
        }
    }

    @Override
    public HiringProcess removeRule(HiringProcess process, String status, String step) throws ServiceException {
        try {
            return apis.api().removeStepAssessment(process.id(), status, step);
        } catch (ApiException e) {
            throw ApiErrors.toService(e);
        }
    }
}
