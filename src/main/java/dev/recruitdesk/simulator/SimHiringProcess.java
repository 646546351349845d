package dev.recruitdesk.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hiring process: the custom steps (sub-statuses) configured under IN_REVIEW, INTERVIEW and OFFERED, and the steps
 * that order an assessment by themselves (SmartRecruiters' auto-trigger). Immutable: the store swaps in a changed copy.
 */
record SimHiringProcess(String id, String name, boolean active, Map<String, List<String>> subStatuses,
                        List<AutoTrigger> autoTriggers) {

    SimHiringProcess {
        subStatuses = Map.copyOf(subStatuses);
        autoTriggers = List.copyOf(autoTriggers);
    }

    List<String> stepsOf(String status) {
        return subStatuses.getOrDefault(status, List.of());
    }

    /** The rule of that step, whatever it triggers on; null when the step orders nothing. */
    AutoTrigger ruleOf(String status, String subStatus) {
        for (AutoTrigger t : autoTriggers) {
            if (t.status().equals(status) && t.subStatus().equals(subStatus)) {
                return t;
            }
        }
        return null;
    }

    /** The rule that fires when an application moves into (status, subStatus), or null. */
    AutoTrigger autoTriggerFor(String status, String subStatus) {
        AutoTrigger t = ruleOf(status, subStatus);
        return t != null && t.onMove() ? t : null;
    }

    /** The rules that fire when a candidate is added to a job of this process. */
    List<AutoTrigger> onAddTriggers() {
        return autoTriggers.stream().filter(AutoTrigger::onAdd).toList();
    }

    boolean hasStepNamed(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return subStatuses.values().stream().flatMap(List::stream)
                .anyMatch(s -> s.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }

    SimHiringProcess withStep(String status, String step) {
        Map<String, List<String>> subs = new LinkedHashMap<>(subStatuses);
        List<String> steps = new ArrayList<>(stepsOf(status));
        steps.add(step);
        subs.put(status, List.copyOf(steps));
        return new SimHiringProcess(id, name, active, subs, autoTriggers);
    }

    /** This process with the step's rule replaced (or removed when {@code rule} is null). */
    SimHiringProcess withRule(String status, String subStatus, AutoTrigger rule) {
        List<AutoTrigger> rules = new ArrayList<>();
        for (AutoTrigger t : autoTriggers) {
            if (!(t.status().equals(status) && t.subStatus().equals(subStatus))) {
                rules.add(t);
            }
        }
        if (rule != null) {
            rules.add(rule);
        }
        return new SimHiringProcess(id, name, active, subStatuses, rules);
    }

    /**
     * The step's package is ordered when an application moves into (status, subStatus) ({@code onMove}) and/or when
     * a candidate is created on a job of this process ({@code onAdd}). Neither: the rule is kept but disabled.
     */
    record AutoTrigger(String status, String subStatus, String partnerId, String packageId, boolean onMove,
                       boolean onAdd) {

        /** A seeded rule: fires on moves into the step only. */
        AutoTrigger(String status, String subStatus, String partnerId, String packageId) {
            this(status, subStatus, partnerId, packageId, true, false);
        }
    }
}
