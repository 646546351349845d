package dev.recruitdesk.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A hiring process: SR's main statuses, each with its custom steps (sub-statuses), and the steps' auto-triggered
 * assessments (empty when the server lists none).
 */
public record HiringProcess(String id, String name, boolean active, Map<String, List<String>> stepsByStatus,
                            List<StepAssessment> assessments) {

    /** The main statuses that carry custom steps, in the order SR shows them. */
    public static final List<String> STEP_STATUSES = List.of("IN_REVIEW", "INTERVIEW", "OFFERED");

    public HiringProcess {
        stepsByStatus = stepsByStatus == null ? Map.of() : stepsByStatus;
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    public HiringProcess(String id, String name, boolean active, Map<String, List<String>> stepsByStatus) {
        this(id, name, active, stepsByStatus, List.of());
    }

    public List<String> stepsOf(String status) {
        return stepsByStatus.getOrDefault(status, List.of());
    }

    public Optional<StepAssessment> assessmentOf(String status, String step) {
        return assessments.stream().filter(a -> a.isFor(status, step)).findFirst();
    }

    /** Step names are unique in a process whatever their status; case and surrounding spaces do not count. */
    public boolean hasStepNamed(String name) {
        if (name == null) {
            return false;
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return stepsByStatus.values().stream().flatMap(List::stream)
                .anyMatch(s -> s.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
