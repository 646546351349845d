package dev.recruitdesk.ui.profile;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One job the candidate applied to, with the orders placed for it. {@code application} is null for the catch-all
 * section of orders whose job the cache does not know (shown, never dropped).
 */
public record ApplicationSection(ApplicationRef application, List<AssessmentOrder> orders) {

    /** Groups orders under their application (by application id, else by job id); one section per application. */
    public static List<ApplicationSection> group(List<ApplicationRef> applications, List<AssessmentOrder> orders) {
        List<ApplicationSection> out = new ArrayList<>();
        List<AssessmentOrder> left = new ArrayList<>(orders);
        for (ApplicationRef app : applications) {
            List<AssessmentOrder> mine = new ArrayList<>();
            for (AssessmentOrder o : orders) {
                if (belongs(o, app) && left.remove(o)) {
                    mine.add(o);
                }
            }
            out.add(new ApplicationSection(app, List.copyOf(mine)));
        }
        if (!left.isEmpty()) {
            out.add(new ApplicationSection(null, List.copyOf(left)));
        }
        return out;
    }

    private static boolean belongs(AssessmentOrder o, ApplicationRef app) {
        if (o.applicationId() != null && app.applicationId() != null) {
            return o.applicationId().equals(app.applicationId());
        }
        return Objects.equals(o.jobId(), app.jobId());
    }
}
