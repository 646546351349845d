package dev.recruitdesk.store;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
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

    /** Every field as it went in: the format is the app's own (UTF-8 texts, a table of repeated values). */
    @Test
    void theFileGivesBackEveryFieldOfEveryRow() throws Exception {
        String longJobs = "Engineer, ".repeat(2_000);
        Instant updated = Instant.parse("2026-11-30T09:15:30.123456789Z");
        CandidateIndex.Row[] rows = {
                row(1, "c1", "ann smith", "Ann Smith", "ann@example.com", "Dev", "IN_REVIEW", OrderStatus.of("SENT"),
                        OrderStatus.Kind.SENT, updated, "\u0001ann\u0001smith"),
                // CJK and a character outside the BMP (four UTF-8 bytes), an empty e-mail, no status or order
                row(70_000_000_000L, "c2", "上野 貴大", "上野 貴大 🎓", "", "Dev", null, null, null, null, "\u0001上野"),
                // nothing but the key and id, and a column far longer than any real one
                row(3, "c3", null, null, null, longJobs, null, OrderStatus.of("Awaiting partner"),
                        OrderStatus.Kind.UNKNOWN, Instant.EPOCH, ""),
        };
        CandidateIndexFile.write(indexFile(), "t1", rows);

        List<CandidateIndex.Row> back = CandidateIndexFile.read(indexFile(), "t1", new CandidateIndex()).orElseThrow();

        assertThat(back).hasSize(3);
        for (int i = 0; i < rows.length; i++) {
            CandidateIndex.Row a = rows[i];
            CandidateIndex.Row b = back.get(i);
            assertThat(List.of(b.key, b.id)).isEqualTo(List.of(a.key, a.id));
            assertThat(java.util.Arrays.asList(b.nameKey, b.name, b.email, b.jobs, b.appStatus, b.order, b.kind,
                    b.updatedOn, b.words, b.mask)).as("row %d", i).isEqualTo(java.util.Arrays.asList(a.nameKey, a.name,
                    a.email, a.jobs, a.appStatus, a.order, a.kind, a.updatedOn, a.words, a.mask));
        }
        // a value repeated across rows is one object in memory, as the index keeps it
        assertThat(back.get(0).jobs).isSameAs(back.get(1).jobs);
        assertThat(CandidateIndexFile.read(indexFile(), "another token", new CandidateIndex())).isEmpty();
    }

    @Test
    void aFileOfAnEarlierFormatIsIgnored() throws Exception {
        CandidateIndexFile.write(indexFile(), "t1", new CandidateIndex.Row[]{row(1, "c1", "ann smith", "Ann Smith",
                "ann@example.com", "Dev", null, null, null, null, "\u0001ann")});
        assertThat(CandidateIndexFile.read(indexFile(), "t1", new CandidateIndex())).isPresent();
        byte[] saved = Files.readAllBytes(indexFile());
        saved[7] = 2; // the format number (an int after the magic number): format 2 wrote texts with writeUTF
        Files.write(indexFile(), saved);
        assertThat(CandidateIndexFile.read(indexFile(), "t1", new CandidateIndex())).isEmpty();
    }

    private static CandidateIndex.Row row(long key, String id, String nameKey, String name, String email, String jobs,
                                          String appStatus, OrderStatus order, OrderStatus.Kind kind, Instant updated,
                                          String words) {
        return new CandidateIndex.Row(key, id, nameKey, name, email, jobs, appStatus, order, kind, updated, words);
    }

    /**
     * At start-up only People's first screen is read from the file before the first paint; the rest loads when
     * anything needs it (a search, a scroll past those rows, a write, a close) or a moment later by itself.
     */
    @Test
    void theFirstScreenAnswersAtOnceAndTheRestLoadsWhenNeeded() throws Exception {
        List<dev.recruitdesk.domain.Candidate> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            many.add(candidate(String.format("c%04d", i), "Ann", String.format("Smith%04d", i), "a" + i + "@example.com",
                    "j1", "Dev"));
        }
        List<CandidateRow> firstTwoHundred;
        try (CacheStore store = CacheStore.open(dir)) {
            store.upsertCandidates(many, 1).join();
            firstTwoHundred = store.page("", null, 0, 200);
        }

        // the rest waits a minute here unless something needs it: each step below must end well before that
        java.time.Duration never = java.time.Duration.ofSeconds(60);
        try (CacheStore store = CacheStore.open(dir, never)) {
            awaitFirstScreen(store);
            assertThat(store.count("", null)).isEqualTo(1_500);
            assertThat(store.page("", null, 0, 200)).isEqualTo(firstTwoHundred);
            assertThat(store.wholeIndexLoaded()).as("nothing needed the rest yet").isFalse();
            // a search needs every row: it lets them load and waits for them
            assertThat(within10s(() -> store.count("smith1499", null))).isEqualTo(1);
            assertThat(store.wholeIndexLoaded()).isTrue();
            assertThat(store.page("", null, 1_400, 10)).extracting(CandidateRow::id).first().isEqualTo("c1400");
        }

        // a scroll past the first screen
        try (CacheStore store = CacheStore.open(dir, never)) {
            awaitFirstScreen(store);
            assertThat(within10s(() -> store.page("", null, 1_200, 5))).extracting(CandidateRow::id)
                    .containsExactly("c1200", "c1201", "c1202", "c1203", "c1204");
        }

        // a write while the rest waits: it lets the rest load first (writing without it would duplicate rows)
        try (CacheStore store = CacheStore.open(dir, never)) {
            awaitFirstScreen(store);
            within10s(() -> store.upsertCandidates(List.of(candidate("c0007", "Ann", "Smith0007", "new@example.com",
                    "j1", "Dev")), 2).join());
            assertThat(store.count("", null)).isEqualTo(1_500);
        }

        // a close while the rest waits saves the whole index, not the first screen
        try (CacheStore store = CacheStore.open(dir, never)) {
            awaitFirstScreen(store);
            long t0 = System.nanoTime();
            store.close();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("close let the rest load (ms)").isLessThan(10_000);
        }
        try (CacheStore store = CacheStore.open(dir, java.time.Duration.ofMillis(300))) {
            awaitFirstScreen(store); // the file saved at that close was complete and trusted
            // and with nothing asking, the rest loads by itself after the delay
            long until = System.nanoTime() + 10_000_000_000L;
            while (!store.wholeIndexLoaded() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(store.wholeIndexLoaded()).isTrue();
            assertThat(store.count("", null)).isEqualTo(1_500);
            assertThat(names(store, "new@")).containsExactly("Ann Smith0007");
        }
    }

    /** The value of {@code work}, which must come within 10 s (the index's own delay is a minute in this test). */
    private static <T> T within10s(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return ex.submit(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            ex.shutdownNow();
        }
    }

    private static void awaitFirstScreen(CacheStore store) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!store.answeringFromFirstScreen() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(store.answeringFromFirstScreen()).as("People's first screen read from the file").isTrue();
    }
}
