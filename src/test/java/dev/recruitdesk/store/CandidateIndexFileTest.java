package dev.recruitdesk.store;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static dev.recruitdesk.store.CacheStoreTest.candidate;
import static org.assertj.core.api.Assertions.assertThat;

/** The index saved at close is used only with the cache it was saved from; anything else falls back to H2. */
class CandidateIndexFileTest {

    @TempDir
    Path dir;

    private Path indexFile() {
        return dir.resolve("cache.index");
    }

    private static List<String> names(CacheStore store, String text) {
        return store.page(text, null, 0, 100).stream().map(CandidateRow::name).toList();
    }

    @Test
    void aCleanCloseSavesTheIndexAndTheNextOpenShowsTheSameList() throws Exception {
        try (CacheStore store = CacheStore.open(dir)) {
            store.upsertCandidates(List.of(candidate("c1", "Ann", "Smith", "ann@example.com", "j1", "Dev"),
                    candidate("c2", "Борис", "Иванов", "boris@example.com", "j1", "Dev"),
                    candidate("c3", "Zoë", "Adams", "zoe@example.com", "j2", "Ops")), 1).join();
        }
        assertThat(indexFile()).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(indexFile()))).isEqualTo("rw-------");
        try (CacheStore store = CacheStore.open(dir)) {
            assertThat(store.count("", null)).isEqualTo(3);
            assertThat(names(store, "")).containsExactly("Ann Smith", "Zoë Adams", "Борис Иванов");
            assertThat(names(store, "бор")).containsExactly("Борис Иванов");
            assertThat(store.count("", OrderStatus.Kind.SENT)).isZero();
            // the token was forgotten by the first write: a file from this open would not be trusted again
            assertThat(store.syncValue("index_file_token")).isEmpty();
        }
    }

    @Test
    void anIndexFileFromBeforeLaterWritesIsIgnored() throws Exception {
        try (CacheStore store = CacheStore.open(dir)) {
            store.upsertCandidates(List.of(candidate("c1", "Ann", "Smith", "ann@example.com", "j1", "Dev")), 1).join();
        }
        Path old = dir.resolve("old.index");
        Files.copy(indexFile(), old);
        try (CacheStore store = CacheStore.open(dir)) {
            store.upsertCandidates(List.of(candidate("c2", "Bea", "Jones", "bea@example.com", "j1", "Dev")), 1).join();
        }
        // as if the app had died after that write and left the first session's file behind
        Files.copy(old, indexFile(), StandardCopyOption.REPLACE_EXISTING);
        try (CacheStore store = CacheStore.open(dir)) {
            assertThat(names(store, "")).containsExactly("Ann Smith", "Bea Jones");
        }
    }

    @Test
    void aCutOrGarbledIndexFileIsIgnored() throws Exception {
        try (CacheStore store = CacheStore.open(dir)) {
            store.upsertCandidates(List.of(candidate("c1", "Ann", "Smith", "ann@example.com", "j1", "Dev"),
                    candidate("c2", "Bea", "Jones", "bea@example.com", "j1", "Dev")), 1).join();
        }
        byte[] whole = Files.readAllBytes(indexFile());
        Files.write(indexFile(), java.util.Arrays.copyOf(whole, whole.length - 6));
        try (CacheStore store = CacheStore.open(dir)) {
            assertThat(names(store, "")).containsExactly("Ann Smith", "Bea Jones");
        }
        Files.write(indexFile(), new byte[]{1, 2, 3});
        try (CacheStore store = CacheStore.open(dir)) {
            assertThat(names(store, "bea")).containsExactly("Bea Jones");
        }
    }
}
