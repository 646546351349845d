package dev.recruitdesk.api;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.StepAssessment;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * SmartRecruiters as the rest of the app sees it (see docs/wire-contract.md). Every method blocks, so call it off
 * the FX thread; it retries 429/5xx/timeouts itself and throws {@link ApiException} when it gives up.
 */
public interface SmartRecruitersApi {

    /** One page of {@code GET /candidates}; {@code pageId} null for the first page. */
    CandidatePage listCandidates(CandidateListQuery query, String pageId) throws ApiException;

    Candidate candidate(String candidateId) throws ApiException;

    /** {@code GET /candidates/{id}/jobs/{jobId}}; the result carries the application UUID when SR gives one. */
    ApplicationRef application(String candidateId, String jobId) throws ApiException;

    /**
     * {@code PUT /candidates/{id}/jobs/{jobId}/status}: moves an application to a status and step; a step with an
     * auto-triggered assessment makes SR order it. Added after the skeleton; the default is for test doubles.
     */
    default void moveApplication(String candidateId, String jobId, String status, String subStatus) throws ApiException {
        throw new ApiException(0, "UNSUPPORTED", "Moving an application is not supported here");
    }

    /** {@code POST /jobs/{jobId}/candidates}: creates a candidate applied to the job. Never retried once sent. */
    default Candidate createCandidate(String jobId, String firstName, String lastName, String email, String phoneNumber)
            throws ApiException {
        throw new ApiException(0, "UNSUPPORTED", "Creating a candidate is not supported here");
    }

    List<Job> jobs() throws ApiException;

    Job job(String jobId) throws ApiException;

    List<HiringProcess> hiringProcesses() throws ApiException;

    /** [SIM] {@code POST /configuration/hiring-processes/{id}/steps}: adds a custom step; answers the process. */
    default HiringProcess addHiringProcessStep(String processId, String status, String name) throws ApiException {
        throw new ApiException(0, "UNSUPPORTED", "Adding a step is not supported here");
    }

    /**
     * [SIM] {@code PUT /configuration/hiring-processes/{id}/auto-triggers}: saves a step's assessment rule; with
     * {@code orderExisting} the package is also ordered for the applications already in the step.
     */
    default SavedRule saveStepAssessment(String processId, StepAssessment rule, boolean orderExisting)
            throws ApiException {
        throw new ApiException(0, "UNSUPPORTED", "Configuring a step is not supported here");
    }

    /** [SIM] The same call without a partner: the step orders nothing any more. */
    default HiringProcess removeStepAssessment(String processId, String status, String step) throws ApiException {
        throw new ApiException(0, "UNSUPPORTED", "Configuring a step is not supported here");
    }

    /**
     * {@code POST /jobs/{jobId}/candidates/cv} (multipart {@code file}): SR reads name and email from the résumé and
     * creates the candidate on the job. Never retried once sent.
     */
    default Candidate createCandidateFromResume(String jobId, String fileName, byte[] content) throws ApiException {
        throw new ApiException(0, "UNSUPPORTED", "Uploading a résumé is not supported here");
    }

    /** {@code GET /user-api/v201804/users/me}: the connection test. Returns the user's email or name. */
    String whoAmI() throws ApiException;

    IntegrationStatus integration() throws ApiException;

    IntegrationStatus connectIntegration(String externalTriggerToken, String email) throws ApiException;

    /** {@code DELETE /assessment-api/v202107/integrations/stackone} [SIM]. */
    default void disconnectIntegration() throws ApiException {
        throw new ApiException(0, "UNSUPPORTED", "Disconnecting the integration is not supported here");
    }

    List<Partner> partners() throws ApiException;

    List<AssessmentPackage> packages(String partnerId) throws ApiException;

    /** Places an order; the same idempotency key never makes a second order. */
    AssessmentOrder placeOrder(String applicationId, String partnerId, String packageId, String requesterEmail,
                               String idempotencyKey) throws ApiException;

    /**
     * {@link #placeOrder} without repeating the POST after a failure that may have reached the server (lost answer,
     * timeout, 5xx): for a caller that checks the server itself before sending again (the outbox), because we cannot
     * rely on SmartRecruiters honouring the idempotency key. Test doubles get plain {@link #placeOrder}.
     */
    default AssessmentOrder placeOrderOnce(String applicationId, String partnerId, String packageId,
                                           String requesterEmail, String idempotencyKey) throws ApiException {
        return placeOrder(applicationId, partnerId, packageId, requesterEmail, idempotencyKey);
    }

    /** {@link #moveApplication} without repeating the PUT after a failure that may have reached the server. */
    default void moveApplicationOnce(String candidateId, String jobId, String status, String subStatus)
            throws ApiException {
        moveApplication(candidateId, jobId, status, subStatus);
    }

    List<AssessmentOrder> orders(String applicationId) throws ApiException;

    AssessmentOrder order(String orderId) throws ApiException;

    /** Streams a file the server links to (an order attachment). The caller closes the stream. */
    InputStream download(String url) throws ApiException;

    /** Counters for the bench and the fault tests. */
    ClientStats stats();

    record CandidateListQuery(int limit, String q, List<String> jobIds, List<String> statuses, Instant updatedAfter) {
        public static CandidateListQuery all(int limit) {
            return new CandidateListQuery(limit, null, List.of(), List.of(), null);
        }

        public static CandidateListQuery updatedAfter(int limit, Instant after) {
            return new CandidateListQuery(limit, null, List.of(), List.of(), after);
        }
    }

    /** {@code nextPageId} is null when this was the last page (SR sends none, or an empty string). */
    record CandidatePage(List<Candidate> content, String nextPageId, int totalFound) {
    }

    record IntegrationStatus(boolean connected, String name, String email, Instant connectedOn) {
    }

    /** A saved step rule: the process as it now is, and the orders placed for those already in the step. */
    record SavedRule(HiringProcess process, List<AssessmentOrder> ordersPlaced) {
        public SavedRule {
            ordersPlaced = ordersPlaced == null ? List.of() : List.copyOf(ordersPlaced);
        }
    }

    record ClientStats(long requests, long retries, long rateLimited, long serverErrors, long timeouts) {
    }
}
