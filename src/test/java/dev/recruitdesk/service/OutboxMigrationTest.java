package dev.recruitdesk.service;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.store.H2Urls;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A state database written by the first release (V1 only, with rows) opens with V2 and its orders still go out. */
class OutboxMigrationTest {

    @TempDir
    Path dir;

    private void v1DatabaseWithRows() throws Exception {
        String url = H2Urls.file(dir, OutboxStore.NAME, true);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/state").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // As the V1 code wrote them: a pending order, one sent, one failed.
            s.executeUpdate(row("k-pending", "PENDING", "c00001", "j1", 0, null, null));
            s.executeUpdate(row("k-sent", "SENT", "c00002", "j2", 1, null, "o-9"));
            s.executeUpdate(row("k-failed", "FAILED", "c00000", "j0", 1, "'SmartRecruiters refused: no'", null));
        }
    }

    private static String row(String key, String state, String candidate, String job, int attempts, String error,
                              String serverId) {
        String payload = "{\"applicationId\":null,\"candidateId\":\"" + candidate + "\",\"jobId\":\"" + job
                + "\",\"jobTitle\":\"Dev\",\"partnerId\":\"p1\",\"partnerName\":\"SkillCheck\",\"packageId\":\"k1\","
                + "\"packageName\":\"Java\",\"requesterEmail\":\"a@x.org\"}";
        return "INSERT INTO outbox (idempotency_key, kind, state, candidate_id, job_id, package_id, payload_json, "
                + "created_on, updated_on, attempts, last_error, server_id) VALUES ('" + key + "', 'PLACE_ORDER', '"
                + state + "', '" + candidate + "', '" + job + "', 'k1', '" + payload + "', "
                + "TIMESTAMP WITH TIME ZONE '2026-11-30 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-30 10:00:00+00', "
                + attempts + ", " + (error == null ? "NULL" : error) + ", "
                + (serverId == null ? "NULL" : "'" + serverId + "'") + ")";
    }

    @Test
    void v1RowsAreKeptReadableAndUnheld() throws Exception {
        v1DatabaseWithRows();
        try (OutboxStore store = OutboxStore.open(dir)) {
            assertThat(store.unsent()).extracting(OutboxEntry::idempotencyKey).containsExactly("k-failed", "k-pending");
            assertThat(store.find("k-sent")).hasValueSatisfying(e -> {
                assertThat(e.state()).isEqualTo(OutboxEntry.State.SENT);
                assertThat(e.serverId()).isEqualTo("o-9");
            });
            assertThat(store.sendable()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(OutboxEntry.Kind.PLACE_ORDER);
                assertThat(e.held()).isFalse();
                assertThat(e.order().packageName()).isEqualTo("Java");
                assertThat(e.order().candidateId()).isEqualTo("c00001");
            });
            assertThat(store.find("k-failed").orElseThrow().lastError()).isEqualTo("SmartRecruiters refused: no");
        }
    }

    @Test
    void aPendingV1OrderIsSentByTheNewCodeAndAFailedOneOnRetry() throws Exception {
        v1DatabaseWithRows();
        FakeSrApi fake = new FakeSrApi();
        fake.addMany(3);
        try (Backend backend = Backend.open(dir, BackendOptions.of(a -> fake)
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(100)).withSecretStore(new MemorySecretStore()))) {
            backend.syncService().syncOnce();
            Poll.until(Duration.ofSeconds(10), "the V1 order sent", () -> fake.ordersByKey.containsKey("k-pending"));
            backend.orderService().retry("k-failed");
            Poll.until(Duration.ofSeconds(10), "the V1 failed order sent on retry",
                    () -> fake.ordersByKey.containsKey("k-failed"));
            assertThat(fake.ordersByKey).containsOnlyKeys("k-pending", "k-failed");
            List<AssessmentOrder> orders = backend.candidateQueries().orders("c00001");
            assertThat(orders).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.SENT));
        }
    }
}
