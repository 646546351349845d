package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.domain.ApplicationRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache written by a version before candidate numbers (schema V3) opens with its data, numbered. */
class CandidateNumberMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersion3CacheKeepsItsCandidatesApplicationsAndOrdersAndRestartsAnUnfinishedOrderWalk() throws Exception {
        String url = H2Urls.file(dir, CacheStore.NAME);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/cache").target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO candidate (id, first_name, last_name, email, name_key, email_key, jobs_text, "
                    + "app_status, latest_order_status, latest_order_kind, seen_gen) VALUES "
                    + "('c-b', 'Bea', 'Stone', 'bea@x.org', 'bea stone', 'bea@x.org', 'Dev', 'NEW', 'COMPLETED', 'COMPLETED', 3), "
                    + "('c-a', 'Al', 'Ray', 'al@x.org', 'al ray', 'al@x.org', 'Ops', 'NEW', NULL, NULL, 3)");
            st.executeUpdate("INSERT INTO application (candidate_id, job_id, job_title, status, application_id, is_primary) "
                    + "VALUES ('c-b', 'j1', 'Dev', 'NEW', 'uuid-b1', TRUE), ('c-b', 'j2', 'Ops', 'NEW', NULL, FALSE), "
                    + "('c-a', 'j2', 'Ops', 'NEW', NULL, TRUE), ('c-z', 'j1', 'Dev', 'NEW', 'uuid-z', FALSE)");
            st.executeUpdate("INSERT INTO assessment_order (id, candidate_id, application_id, status, status_kind) "
                    + "VALUES ('o1', 'c-b', 'uuid-b1', 'COMPLETED', 'COMPLETED')");
            st.executeUpdate("INSERT INTO sync_state (k, v) VALUES ('orders.backfill.after', 'c-a' || CHAR(1) || 'j2'), "
                    + "('cursor', 'kept')");
        }

        try (CacheStore store = CacheStore.open(dir)) {
            assertThat(store.candidateCount()).isEqualTo(2);
            assertThat(store.candidate("c-b")).get().satisfies(k -> {
                assertThat(k.firstName()).isEqualTo("Bea");
                assertThat(k.applications()).extracting(ApplicationRef::jobId).containsExactly("j1", "j2");
            });
            assertThat(store.applications("c-a")).extracting(ApplicationRef::jobId).containsExactly("j2");
            assertThat(store.applications("c-z")).as("an application whose candidate was never listed")
                    .extracting(ApplicationRef::applicationId).containsExactly("uuid-z");
            assertThat(store.ordersOfCandidate("c-b")).hasSize(1);
            assertThat(store.syncValue("orders.backfill.after")).as("the walk starts over").contains("");
            assertThat(store.syncValue("cursor")).contains("kept");
            assertThat(store.applicationsAfter("", 10).applications()).as("the walk covers numbered applications")
                    .extracting(a -> a.candidateId() + "/" + a.jobId())
                    .containsExactlyInAnyOrder("c-a/j2", "c-b/j1", "c-b/j2");
            store.upsertCandidates(List.of(new dev.recruitdesk.domain.Candidate("c-new", "New", "One", "n@x.org", null,
                    null, null, null, null, List.of())), 4).join();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, k FROM candidate ORDER BY k")) {
            java.util.Map<String, Long> keys = new java.util.LinkedHashMap<>();
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getLong(2));
            }
            assertThat(keys.keySet()).containsExactlyInAnyOrder("c-a", "c-b", "c-new");
            assertThat(keys.values()).doesNotHaveDuplicates().allMatch(k -> k > 0);
            assertThat(keys.get("c-new")).as("a new candidate after the migrated ones")
                    .isGreaterThan(Math.max(keys.get("c-a"), keys.get("c-b")));
        }
    }
}
