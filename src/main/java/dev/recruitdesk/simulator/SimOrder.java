package dev.recruitdesk.simulator;

import java.util.ArrayList;
import java.util.List;

/** An assessment order and what the simulated partner reported. Mutable; guarded by the store's lock. */
final class SimOrder {
    final String id;
    final String applicationId;
    final String candidateId;
    final String jobId;
    final SimPartner partner;
    final SimPackage pkg;
    final String requesterEmail;
    final long createdOn;
    /** Secret part of the report link, like a partner-hosted report URL would carry. */
    final String reportToken;
    final List<StatusEntry> history = new ArrayList<>(4);
    String status;
    long updatedOn;
    /** When the partner clock moves this order next; 0 when the partner no longer moves it. */
    long nextStepAt;
    Result result;

    SimOrder(String id, String applicationId, String candidateId, String jobId, SimPartner partner, SimPackage pkg,
             String requesterEmail, long createdOn, String reportToken) {
        this.id = id;
        this.applicationId = applicationId;
        this.candidateId = candidateId;
        this.jobId = jobId;
        this.partner = partner;
        this.pkg = pkg;
        this.requesterEmail = requesterEmail;
        this.createdOn = createdOn;
        this.reportToken = reportToken;
    }

    void moveTo(String newStatus, long at) {
        status = newStatus;
        updatedOn = at;
        history.add(new StatusEntry(newStatus, at));
    }

    boolean open() {
        return "SENT".equals(status) || "IN_PROGRESS".equals(status);
    }

    record StatusEntry(String status, long changedOn) {
    }

    /** Score strings as StackOne sends them; min and max are null for non-numeric scores. */
    record Result(String scoreLabel, String scoreValue, String scoreMin, String scoreMax, String summary,
                  String attachmentId, String attachmentName, long submittedOn) {
    }
}
