package dev.recruitdesk.simulator;

/** A candidate's application to one job. Mutable; guarded by the store's lock. */
final class SimApplication {
    final String id;
    final String candidateId;
    final String jobId;
    final String source;
    String status;
    String subStatus;
    long startsOn;

    SimApplication(String id, String candidateId, String jobId, String source, String status, String subStatus,
                   long startsOn) {
        this.id = id;
        this.candidateId = candidateId;
        this.jobId = jobId;
        this.source = source;
        this.status = status;
        this.subStatus = subStatus;
        this.startsOn = startsOn;
    }
}
