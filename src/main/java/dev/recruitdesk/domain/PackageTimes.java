package dev.recruitdesk.domain;

import java.util.Map;

/**
 * How long each package usually takes, in minutes, from the partner catalogue the client has seen. Orders from
 * SmartRecruiters name their package but not its usual time, so the two are joined when an order is judged.
 */
public record PackageTimes(Map<String, Integer> minutesByPackage) {

    public static final PackageTimes NONE = new PackageTimes(Map.of());

    public PackageTimes {
        minutesByPackage = minutesByPackage == null ? Map.of() : Map.copyOf(minutesByPackage);
    }

    /** The package's usual time in minutes; 0 when the catalogue does not know it. */
    public int minutes(String packageId) {
        Integer m = packageId == null ? null : minutesByPackage.get(packageId);
        return m == null || m < 0 ? 0 : m;
    }
}
