package dev.recruitdesk.domain;

/**
 * The assessment a hiring-process step orders by itself: a partner's package, ordered when an application moves into
 * the step ({@code onMove}) and/or when a candidate is added to a job of the process ({@code onAdd}). Neither: the rule
 * is kept but orders nothing.
 */
public record StepAssessment(String status, String step, String partnerId, String packageId, boolean onMove,
                             boolean onAdd) {

    public boolean enabled() {
        return onMove || onAdd;
    }

    public boolean isFor(String status, String step) {
        return this.status.equals(status) && this.step.equals(step);
    }
}
