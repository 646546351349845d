package dev.recruitdesk.simulator;

import java.util.List;
import java.util.Map;

/** A hiring process: the custom steps (sub-statuses) configured under IN_REVIEW, INTERVIEW and OFFERED. */
record SimHiringProcess(String id, String name, boolean active, Map<String, List<String>> subStatuses) {

    List<String> stepsOf(String status) {
        return subStatuses.getOrDefault(status, List.of());
    }
}
