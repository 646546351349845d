package dev.recruitdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsNotCurrentAndAMigratedOneIs() throws Exception {
        String url = H2Urls.file(dir, "cache");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(SchemaVersion.isCurrent(c, "db/cache")).isFalse();
        }
        Database.open(dir, "cache", false).close();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(SchemaVersion.isCurrent(c, "db/cache")).isTrue();
        }
    }

    @Test
    void aFailedOrOlderHistoryIsNotCurrent() throws Exception {
        Database.open(dir, "cache", false).close();
        String url = H2Urls.file(dir, "cache");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            // a later migration on the class path than in the database: as if the app was updated
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"version\" = '0.9' WHERE \"version\" IS NOT NULL");
            assertThat(SchemaVersion.isCurrent(c, "db/cache")).isFalse();
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"version\" = '"
                    + SchemaVersion.versionsIn("db/cache").stream().max(SchemaVersion::compare).orElseThrow()
                    + "', \"success\" = FALSE");
            assertThat(SchemaVersion.isCurrent(c, "db/cache")).isFalse();
        }
    }

    @Test
    void readsTheVersionsOfAClasspathFolder() throws Exception {
        assertThat(SchemaVersion.versionsIn("db/cache")).isNotEmpty().allMatch(v -> v.matches("[0-9.]+"));
        assertThat(SchemaVersion.versionsIn("db/no-such-folder")).isEmpty();
    }

    @Test
    void comparesVersionsAsNumbers() {
        assertThat(SchemaVersion.compare("1.10", "1.9")).isPositive();
        assertThat(SchemaVersion.compare("2", "2.0")).isZero();
        assertThat(SchemaVersion.compare("2", "10")).isNegative();
    }

    @Test
    void reopeningAMigratedCacheKeepsItsData() {
        try (CacheStore store = CacheStore.open(dir)) {
            store.putSyncValue("cursor", "page-7").join();
        }
        try (CacheStore store = CacheStore.open(dir)) {
            assertThat(store.syncValue("cursor")).contains("page-7");
        }
    }
}
