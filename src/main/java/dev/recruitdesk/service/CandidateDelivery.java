package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.api.SmartRecruitersApi.CandidateListQuery;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxEntry.CandidatePayload;
import dev.recruitdesk.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CREATE_CANDIDATE rows: {@code POST /jobs/{id}/candidates} (form) or {@code .../candidates/cv} (résumé, its bytes
 * kept in the row). Neither call takes an idempotency key, so the check before a resend looks the candidate up:
 * by email ({@code GET /candidates?q=email}) for the form; for a résumé, whose email only SmartRecruiters reads, the
 * candidates on the job changed since the row was queued. Adopted: one created after the row was queued (less
 * {@link #CLOCK_SKEW}) that no other row adopted. A résumé check that finds several cannot tell which is ours and
 * leaves the row FAILED for the recruiter, rather than guess or add a second.
 */
final class CandidateDelivery implements Delivery<Candidate> {

    private static final Logger log = LoggerFactory.getLogger(CandidateDelivery.class);
    private static final int LOOKUP_LIMIT = 100;

    private final CacheStore cache;
    private final OutboxStore outbox;
    private final ChangeFeed feed;
    private final ApplicationOrders applicationOrders;

    CandidateDelivery(CacheStore cache, OutboxStore outbox, ChangeFeed feed) {
        this.cache = cache;
        this.outbox = outbox;
        this.feed = feed;
        this.applicationOrders = new ApplicationOrders(cache);
    }

    @Override
    public Candidate alreadyDone(SmartRecruitersApi api, OutboxEntry row) throws ApiException, ServiceException {
        CandidatePayload p = (CandidatePayload) row.payload();
        Instant notBefore = row.createdOn().minus(CLOCK_SKEW);
        Set<String> taken = new HashSet<>(outbox.serverIds(OutboxEntry.Kind.CREATE_CANDIDATE));
        CandidateListQuery query = p.fromResume()
                ? new CandidateListQuery(LOOKUP_LIMIT, null, List.of(p.jobId()), List.of(), notBefore)
                : new CandidateListQuery(LOOKUP_LIMIT, p.email(), List.of(), List.of(), null);
        List<Candidate> ours = new ArrayList<>();
        for (Candidate c : api.listCandidates(query, null).content()) {
            boolean fresh = c.createdOn() != null && !c.createdOn().isBefore(notBefore) && !taken.contains(c.id());
            boolean sameEmail = p.fromResume() || c.email() != null && c.email().strip().equalsIgnoreCase(p.email().strip());
            if (fresh && sameEmail) {
                ours.add(c);
            }
        }
        if (ours.isEmpty()) {
            return null;
        }
        if (ours.size() > 1 && p.fromResume()) {
            throw new FieldProblem("file", "The résumé may already be in SmartRecruiters (" + ours.size()
                    + " new candidates on the job since it was queued): check the job before sending it again");
        }
        return stored(api, api.candidate(ours.get(0).id()));
    }

    @Override
    public Candidate send(SmartRecruitersApi api, OutboxEntry row) throws ApiException, ServiceException {
        CandidatePayload p = (CandidatePayload) row.payload();
        try {
            Candidate c;
            if (p.fromResume()) {
                byte[] content = outbox.file(row.idempotencyKey())
                        .orElseThrow(() -> new FieldProblem("file", "The résumé's copy is missing"));
                c = api.createCandidateFromResume(p.jobId(), p.resumeFileName(), content);
            } else {
                c = api.createCandidate(p.jobId(), p.firstName(), p.lastName(), p.email(), p.phone());
            }
            return stored(api, c);
        } catch (ApiException e) {
            throw refusalForTheForm(e, p.fromResume());
        }
    }

    /** SmartRecruiters' refusals of a field, as the form shows them; other failures pass unchanged. */
    private static ApiException refusalForTheForm(ApiException e, boolean fromResume) throws FieldProblem {
        if (e.httpStatus() == 409 && !ApiErrors.INTEGRATION_NOT_CONNECTED.equals(e.code())) {
            throw fromResume
                    ? new FieldProblem("file", "A candidate with the résumé's email already exists in SmartRecruiters")
                    : new FieldProblem("email", "A candidate with this email already exists in SmartRecruiters");
        }
        if (fromResume && (e.httpStatus() == 400 || e.httpStatus() == 413 || e.httpStatus() == 415
                || e.httpStatus() == 422)) {
            throw new FieldProblem("file", e.getMessage() == null ? "SmartRecruiters could not read the résumé"
                    : e.getMessage());
        }
        return e;
    }

    /** The new candidate goes to the cache at once (People shows it), with any order the job's process placed. */
    private Candidate stored(SmartRecruitersApi api, Candidate c) {
        log.info("Created candidate {} on {} application(s)", c.id(), c.applications().size());
        cache.upsertCandidates(List.of(c), 0).join();
        try {
            applicationOrders.refresh(api, c.applications());
        } catch (ApiException e) {
            // The candidate exists; its orders come with the next sync.
            log.info("Reading the new candidate's orders failed: HTTP {}", e.httpStatus());
        }
        feed.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of(c.id())));
        feed.publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(c.id())));
        return cache.candidate(c.id()).orElse(c);
    }

    @Override
    public String serverId(Candidate result) {
        return result.id();
    }

    @Override
    public String candidateId(Candidate result) {
        return result.id();
    }
}
