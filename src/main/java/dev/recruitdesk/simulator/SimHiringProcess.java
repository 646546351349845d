package dev.recruitdesk.simulator;

import java.util.List;
import java.util.Map;

/**
 * A hiring process: the custom steps (sub-statuses) configured under IN_REVIEW, INTERVIEW and OFFERED, and the steps
 * that order an assessment by themselves when an application moves into them (SmartRecruiters' auto-trigger).
 */
record SimHiringProcess(String id, String name, boolean active, Map<String, List<String>> subStatuses,
                        List<AutoTrigger> autoTriggers) {

    List<String> stepsOf(String status) {
        return subStatuses.getOrDefault(status, List.of());
    }

    AutoTrigger autoTriggerFor(String status, String subStatus) {
        for (AutoTrigger t : autoTriggers) {
            if (t.status().equals(status) && t.subStatus().equals(subStatus)) {
                return t;
            }
        }
        return null;
    }

    /** Moving an application into (status, subStatus) orders this package. */
    record AutoTrigger(String status, String subStatus, String partnerId, String packageId) {
    }
}
