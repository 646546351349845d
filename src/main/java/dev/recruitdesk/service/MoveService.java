package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;

import java.util.List;

/**
 * Moves applications into a hiring-process step ({@code PUT /candidates/{id}/jobs/{jobId}/status}), one by one, and
 * reports the orders a move caused. Idempotent: an application already in the step is not moved again, so moving
 * twice or retrying a bulk move never orders twice (SmartRecruiters, and the simulator, also order nothing while an
 * order of the package is open).
 */
public interface MoveService {

    /** Blocks until every row is done; {@code progress} is told after each row (on the calling thread). */
    MoveSummary move(List<MoveRequest> rows, String status, String step, MoveProgress progress);

    /** One application to move; {@code name} is for the result rows only. */
    record MoveRequest(String candidateId, String jobId, String name) {
    }

    /**
     * QUEUED: SmartRecruiters could not be reached (or had trouble): the move waits in the outbox and is sent when
     * the connection is back (after the recruiter confirms, for one queued while offline).
     */
    enum Outcome { MOVED, ALREADY_THERE, FAILED, QUEUED }

    /** What happened to one row; {@code ordersCaused} are orders this move placed (the step auto-triggered). */
    record MoveResult(MoveRequest row, Outcome outcome, List<AssessmentOrder> ordersCaused, String message) {
        public MoveResult {
            ordersCaused = List.copyOf(ordersCaused);
        }
    }

    record MoveSummary(List<MoveResult> results) {
        public MoveSummary {
            results = List.copyOf(results);
        }

        public long count(Outcome outcome) {
            return results.stream().filter(r -> r.outcome() == outcome).count();
        }

        public int ordersCaused() {
            return results.stream().mapToInt(r -> r.ordersCaused().size()).sum();
        }

        /** The rows to send again: only the failed ones (the others are done). */
        public List<MoveRequest> failedRows() {
            return results.stream().filter(r -> r.outcome() == Outcome.FAILED).map(MoveResult::row).toList();
        }
    }

    @FunctionalInterface
    interface MoveProgress {
        void rowDone(MoveResult result, int done, int total);
    }
}
