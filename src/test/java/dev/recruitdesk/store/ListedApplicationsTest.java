package dev.recruitdesk.store;

import dev.recruitdesk.domain.ApplicationRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListedApplicationsTest {

    static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    static ApplicationRef app(String job, String title, String status, String sub, String uuid, boolean primary,
                              Instant starts) {
        return new ApplicationRef("c1", job, title, status, sub, uuid, primary, starts);
    }

    @Test
    void equalListsHashEquallyAndEveryFieldOrderAndBoundaryCounts() {
        ApplicationRef a = app("j1", "Dev", "NEW", null, null, true, T);
        ApplicationRef b = app("j2", "Ops", "IN_REVIEW", "Phone", null, false, null);
        long h = ListedApplications.hash(List.of(a, b));
        assertThat(ListedApplications.hash(List.of(app("j1", "Dev", "NEW", null, null, true, T),
                app("j2", "Ops", "IN_REVIEW", "Phone", null, false, null)))).isEqualTo(h);

        List<List<ApplicationRef>> others = List.of(
                List.of(b, a),
                List.of(a),
                List.of(),
                List.of(app("j1", "Dev", "NEW", null, null, true, T), app("j2", "Ops", "INTERVIEW", "Phone", null, false, null)),
                List.of(app("j1", "Dev", "NEW", "", null, true, T), b),
                List.of(app("j1", "Dev", "NEW", null, "uuid", true, T), b),
                List.of(app("j1", "Dev", "NEW", null, null, false, T), b),
                List.of(app("j1", "Dev", "NEW", null, null, true, T.plusNanos(1)), b),
                List.of(app("j1", "Dev", "NEW", null, null, true, null), b),
                List.of(app("j1", "DevN", "EW", null, null, true, T), b),
                List.of(app("j1", "Dev", "NEW", null, null, true, T), app("j2", "Ops", "IN_REVIEW", "Phone", null, false, T)));
        for (List<ApplicationRef> other : others) {
            assertThat(ListedApplications.hash(other)).as("%s", other).isNotEqualTo(h);
        }
        assertThat(others.stream().map(ListedApplications::hash).distinct().count()).isEqualTo(others.size());
    }
}
