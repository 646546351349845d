package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.PackageTimes;

import java.util.List;
import java.util.Optional;

/** Reads from the local cache only: instant and offline. Call off the FX thread. */
public interface CandidateQueries {

    int count(CandidateFilter filter);

    /** Rows {@code offset .. offset+limit} of the filtered list, ordered by name then id. */
    List<CandidateRow> page(CandidateFilter filter, int offset, int limit);

    Optional<Candidate> candidate(String candidateId);

    /** Every order known for the candidate, queued ones (status Sending) included, newest first. */
    List<AssessmentOrder> orders(String candidateId);

    List<Job> jobs();

    /**
     * Moves of this candidate still in the outbox (not yet in SmartRecruiters), as a line each for the profile,
     * e.g. "Move to INTERVIEW / Skills Test: held until you confirm (queued while offline)". Orders show as orders.
     */
    default List<String> queuedMoves(String candidateId) {
        return List.of();
    }

    /** Every cached order not yet in an end state (Sent, In Progress, unknown statuses), across all candidates. */
    default List<AssessmentOrder> openOrders() {
        return List.of();
    }

    /** How long each package the client has seen usually takes (to tell a stuck order from a slow one). */
    default PackageTimes packageTimes() {
        return PackageTimes.NONE;
    }
}
