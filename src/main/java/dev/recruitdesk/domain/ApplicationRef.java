package dev.recruitdesk.domain;

import java.time.Instant;

/**
 * One application: a candidate on a job (SR identifies it by the pair). {@code applicationId} is the UUID the
 * assessment API wants; it is null until the app has read it from {@code GET /candidates/{id}/jobs/{jobId}}.
 */
public record ApplicationRef(String candidateId, String jobId, String jobTitle, String status, String subStatus,
                             String applicationId, boolean primary, Instant startsOn) {

    public ApplicationRef withApplicationId(String id) {
        return new ApplicationRef(candidateId, jobId, jobTitle, status, subStatus, id, primary, startsOn);
    }
}
