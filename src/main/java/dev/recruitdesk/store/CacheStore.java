package dev.recruitdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Attachment;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.domain.Score;
import dev.recruitdesk.domain.StatusChange;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache database: candidates, applications, jobs, assessment orders and sync bookmarks. Reads run on the
 * caller's thread; writes go through the database's single writer and return futures.
 */
public final class CacheStore implements AutoCloseable {

    public static final String NAME = "cache";

    private static final String TERMINAL_KINDS = Arrays.stream(OrderStatus.Kind.values())
            .filter(OrderStatus.Kind::terminal).map(k -> "'" + k.name() + "'").collect(Collectors.joining(","));
    private static final TypeReference<List<StatusChange>> HISTORY = new TypeReference<>() { };
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() { };

    private static final Logger log = LoggerFactory.getLogger(CacheStore.class);

    private final Database db;
    private final CandidateIndex index = new CandidateIndex();
    /** Done once the index holds every stored candidate; the first write queued, so every later one sees it. */
    private final CompletableFuture<Void> indexLoaded;

    /** sync_state key of the token that vouches for the index file (see {@link CandidateIndexFile}). */
    private static final String INDEX_FILE_TOKEN = "index_file_token";

    private final Path indexFile;

    private final java.time.Duration restOfIndexAfter;

    /**
     * Reads what a write of listed candidates merges into (their stored applications) on a pooled connection while
     * the writer updates their rows: the writer's transaction waits for little else than H2 reading pages from the
     * file, and after a listing the second core is free (see writeCandidates).
     */
    private final java.util.concurrent.ExecutorService storedReader = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "db-stored-reader-cache");
                t.setDaemon(true);
                return t;
            });

    private CacheStore(Database db, Path indexFile, java.time.Duration restOfIndexAfter) {
        this.db = db;
        this.indexFile = indexFile;
        this.restOfIndexAfter = restOfIndexAfter;
        this.indexLoaded = db.write(c -> {
            // before this transaction changes anything: once it has, H2 counts the rows one by one (1 s at 100,000)
            long[] countAndMax = countAndMaxKey(c);
            String token = syncValue(c, INDEX_FILE_TOKEN).orElse(null);
            if (token != null) {
                // forgotten in this, the first write: after any later write the file no longer matches the cache
                deleteSyncValue(c, INDEX_FILE_TOKEN);
            }
            nextKey = Math.max(countAndMax[1] + 1,
                    syncValue(c, NEXT_KEY).map(CacheStore::parseKey).orElse(1L));
            keyless.addAll(keylessCandidates(c));
            boolean fromFile;
            try {
                fromFile = loadIndexFile(token, countAndMax);
            } catch (RuntimeException e) {
                // a file that reads but holds something the index cannot take (found in review): the cache decides
                log.warn("The candidate index file could not be used; reading the cache", e);
                fromFile = false;
            }
            if (!fromFile) {
                loadIndex(c);
            }
            firstScreen = null;
            return null;
        });
    }

    /**
     * Fills the index from the file saved at the last clean close; false if it cannot stand for the cache. Its first
     * rows are People's first screen: they answer at once ({@link #firstScreen}), and the rest is read when first
     * needed (see {@link #wantIndex}).
     */
    private boolean loadIndexFile(String token, long[] countAndMax) {
        long t0 = System.nanoTime();
        try (CandidateIndexFile.Reader file = CandidateIndexFile.Reader.open(indexFile, token, index)) {
            if (file == null) {
                return false;
            }
            if (file.count() != countAndMax[0] || file.maxKey() != countAndMax[1]) {
                log.warn("The candidate index file does not match the cache ({} rows, the cache {}); reading the cache",
                        file.count(), countAndMax[0]);
                return false;
            }
            List<CandidateIndex.Row> first = file.first(FIRST_SCREEN_ROWS);
            if (first.size() == Math.min(FIRST_SCREEN_ROWS, file.count())) {
                firstScreen = new FirstScreen(file.count(), first.stream().map(CandidateIndex.Row::toCandidateRow).toList());
                CompletableFuture.delayedExecutor(restOfIndexAfter.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(this::wantIndex);
                log.info("Candidate index: People's first {} of {} candidates read from the index file in {} ms",
                        first.size(), file.count(), (System.nanoTime() - t0) / 1_000_000);
                awaitWanted();
            }
            long t1 = System.nanoTime();
            Optional<List<CandidateIndex.Row>> saved = file.rest();
            if (saved.isEmpty() || !matches(saved.get(), countAndMax)) {
                log.warn("The candidate index file could not be read to its end; reading the cache");
                return false;
            }
            index.reset(saved.get());
            log.info("Candidate index: {} candidates read from the index file in {} ms", saved.get().size(),
                    (System.nanoTime() - t1) / 1_000_000);
            return true;
        }
    }

    /*
     * People's first screen at start-up. Reading the whole index file (100,000 rows: strings, a map by id, JIT
     * compilation of the loop) took one of the machine's two cores for most of the window's first build and paint;
     * now only the first rows (the file is in People's order) are read before the first paint, and the rest after
     * it: when anything needs the whole index (a search, a scroll past these rows, a profile, any write such as the
     * sync's first page), at a clean close, or after REST_OF_INDEX_AFTER at the latest. Meanwhile the unfiltered
     * count and these rows answer from here.
     */
    private static final int FIRST_SCREEN_ROWS = 1_000;
    private static final java.time.Duration REST_OF_INDEX_AFTER = java.time.Duration.ofMillis(1_500);

    private record FirstScreen(int count, List<CandidateRow> rows) {
    }

    private volatile FirstScreen firstScreen;
    private final java.util.concurrent.CountDownLatch indexWanted = new java.util.concurrent.CountDownLatch(1);

    /** For tests: whether People's first screen answers while the rest of the index waits. */
    boolean answeringFromFirstScreen() {
        return firstScreen != null && !indexLoaded.isDone();
    }

    /** For tests: whether the index holds every stored candidate. */
    boolean wholeIndexLoaded() {
        return indexLoaded.isDone();
    }

    /** Lets the index load the rest of its rows (if it waits to). */
    private void wantIndex() {
        indexWanted.countDown();
    }

    private void awaitWanted() {
        try {
            // the delayed release above ends this wait; the bound only guards against a lost wake-up
            if (!indexWanted.await(30, TimeUnit.SECONDS)) {
                log.warn("The candidate index was not asked for within 30 s of opening; reading it now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first screen, if it can answer for {@code text} and {@code kind} before the whole index has loaded. */
    private FirstScreen firstScreenFor(String text, OrderStatus.Kind kind) {
        FirstScreen f = firstScreen;
        return f != null && !indexLoaded.isDone() && kind == null && (text == null || text.isBlank()) ? f : null;
    }

    /** All writes go through here: a write needs the whole index, which it lets load (it is queued behind it). */
    private <T> CompletableFuture<T> write(SqlWork<T> work) {
        wantIndex();
        return db.write(work);
    }

    private <T> CompletableFuture<T> write(SqlWork<T> work, java.util.function.Consumer<? super T> afterCommit) {
        wantIndex();
        return db.write(work, afterCommit);
    }

    private <T> T writeAndWait(SqlWork<T> work) {
        wantIndex();
        return db.writeAndWait(work);
    }

    /*
     * Candidate rows are numbered (their primary key, column k) in the order they are first written; the in-memory
     * index maps an id to its number. So a first full sync appends rows, and no index on the random UUID ids needs a
     * random insert per row or a rebuild at the end (see V4__candidate_number_keys.sql).
     */

    /** Writer thread only: the number the next new candidate row gets. */
    private long nextKey = 1;

    /**
     * Writer thread only: candidates with applications in the cache but no candidate row (an order sent before the
     * listing reached them); their application rows carry no number until the listing writes the candidate.
     */
    private final Set<String> keyless = new java.util.HashSet<>();

    /**
     * sync_state key of the next number to hand out. Kept because numbers must never come back: the order walk's
     * bookmark holds one, and after the highest-numbered candidates were deleted MAX(k) + 1 would hand theirs out again.
     */
    private static final String NEXT_KEY = "candidate.next_key";

    private static long parseKey(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The candidate table's row count and largest number (0 when empty): both cheap in H2. */
    private static long[] countAndMaxKey(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(MAX(k), 0) FROM candidate")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Whether rows read from the index file can stand for the candidate table: the same count and the same largest
     * number. The token already vouches that no write came after the file; this also catches a file written while
     * committed rows were not in it (found in review: a first full sync publishes its rows every 250 ms).
     */
    private static boolean matches(List<CandidateIndex.Row> rows, long[] countAndMax) {
        long max = 0;
        for (CandidateIndex.Row r : rows) {
            max = Math.max(max, r.key);
        }
        return rows.size() == countAndMax[0] && max == countAndMax[1];
    }

    private static Set<String> keylessCandidates(Connection c) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT DISTINCT candidate_id FROM application WHERE candidate_k IS NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The row number of a stored candidate, or -1 (after the index has loaded). */
    private long keyOf(String candidateId) {
        CandidateIndex.Row r = readyIndex().row(candidateId);
        return r == null ? -1 : r.key;
    }

    public static CacheStore open(Path dataDir) {
        return open(dataDir, REST_OF_INDEX_AFTER);
    }

    /** For tests: {@code restOfIndexAfter} instead of {@link #REST_OF_INDEX_AFTER}. */
    static CacheStore open(Path dataDir, java.time.Duration restOfIndexAfter) {
        return new CacheStore(Database.open(dataDir, NAME, false), CandidateIndexFile.beside(dataDir, NAME),
                restOfIndexAfter);
    }

    private static Optional<String> syncValue(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM sync_state WHERE k=?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void deleteSyncValue(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_state WHERE k=?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- candidates

    /**
     * Inserts or updates candidates and their applications in one transaction. Fields the listing leaves out
     * (phone, application UUID, a secondary application's status) keep their stored values.
     */
    public CompletableFuture<Integer> upsertCandidates(List<Candidate> candidates, int seenGen) {
        // A page may name a candidate twice (it changed while we paged): the last copy wins.
        java.util.Map<String, Candidate> byId = new java.util.LinkedHashMap<>();
        candidates.forEach(k -> byId.put(k.id(), k));
        List<Candidate> copy = List.copyOf(byId.values());
        List<CandidateIndex.Row> rows = new ArrayList<>(copy.size());
        Set<String> numbered = new java.util.HashSet<>();
        return write(c -> {
            rows.addAll(writeCandidates(c, copy, seenGen, numbered));
            return copy.size();
        }, n -> {
            index.apply(rows, List.of());
            keyless.removeAll(numbered);
        });
    }

    /*
     * A page is written with a handful of statements, not a dozen per candidate: H2 pays per statement executed,
     * so new rows go in as multi-row INSERTs and the rows to replace are found and removed with one IN (...) each.
     */
    private static final String CANDIDATE_COLUMNS = "first_name, last_name, email, phone, city, country, name_key, "
            + "email_key, jobs_text, app_status, created_on, updated_on, seen_gen, listed_apps_hash, id, k";
    private static final int CANDIDATE_PARAMS = 16;
    private static final int MAX_ROWS_PER_INSERT = 400;

    /**
     * Writes a page of candidates; returns their rows for the index (to apply once committed) and adds to
     * {@code numbered} the keyless candidates whose applications now carry their number.
     */
    private List<CandidateIndex.Row> writeCandidates(Connection c, List<Candidate> list, int seenGen,
                                                     Set<String> numbered) throws SQLException {
        if (list.isEmpty()) {
            return List.of();
        }
        if (!indexReady()) {
            // without the index, which candidates exist and their numbers are unknown: writing would duplicate rows
            throw new StoreException("The local cache's candidate index did not load", null);
        }
        java.util.Map<String, Long> keys = new java.util.HashMap<>();
        java.util.Map<String, CandidateIndex.Row> old = new java.util.HashMap<>();
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate k : list) {
            CandidateIndex.Row r = index.row(k.id());
            if (r != null) {
                old.put(k.id(), r);
                keys.put(k.id(), r.key);
            } else {
                keys.put(k.id(), nextKey++);
                fresh.add(k);
            }
        }
        // What the stored candidates' applications are, read on another connection while this one updates their
        // rows. It reads what is committed, and no write of their applications can come between: writes are serial.
        CompletableFuture<StoredBefore> before = old.isEmpty() ? CompletableFuture.completedFuture(StoredBefore.NONE)
                : CompletableFuture.supplyAsync(() -> db.read(rc -> storedBefore(rc, list, old)), storedReader);
        if (!old.isEmpty()) {
            try (PreparedStatement up = c.prepareStatement("UPDATE candidate SET first_name=?, last_name=?, email=?, "
                    + "phone=COALESCE(?, phone), city=COALESCE(?, city), country=COALESCE(?, country), name_key=?, "
                    + "email_key=?, jobs_text=?, app_status=?, created_on=COALESCE(?, created_on), updated_on=?, "
                    + "seen_gen=GREATEST(seen_gen, ?), listed_apps_hash=? WHERE k=?")) {
                for (Candidate k : list) {
                    if (old.containsKey(k.id())) {
                        bindCandidate(up, 0, k, seenGen);
                        up.setLong(15, keys.get(k.id()));
                        up.addBatch();
                    }
                }
                up.executeBatch();
            }
        }
        for (List<Candidate> chunk : shapedChunks(fresh, MAX_ROWS_PER_INSERT / 4)) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO candidate (" + CANDIDATE_COLUMNS + ") VALUES "
                    + rows(chunk.size(), CANDIDATE_PARAMS))) {
                for (int i = 0; i < chunk.size(); i++) {
                    Candidate k = chunk.get(i);
                    int base = i * CANDIDATE_PARAMS;
                    bindCandidate(ins, base, k, seenGen);
                    ins.setString(base + 15, k.id());
                    ins.setLong(base + 16, keys.get(k.id()));
                }
                ins.executeUpdate();
            }
        }
        if (!fresh.isEmpty()) {
            putSyncValue(c, NEXT_KEY, Long.toString(nextKey));
        }
        // a new candidate may have applications stored already, without a number: an order sent before the listing
        // reached them (a fresh or rebuilt cache) stored that application, with the UUID the listing does not carry
        for (Candidate k : fresh) {
            if (keyless.contains(k.id())) {
                numbered.add(k.id());
            }
        }
        StoredBefore stored = joinRead(before);
        List<Candidate> merging = stored.same().isEmpty() ? list
                : list.stream().filter(k -> !stored.same().contains(k.id())).toList();
        writeApplications(c, merging, keys, stored, List.copyOf(numbered));
        // ... and that order: the new row shows it in People at once (found in review: it waited for a later poll,
        // and a finished order is not polled)
        java.util.Map<String, Long> numberedKeys = new java.util.HashMap<>();
        numbered.forEach(id -> numberedKeys.put(id, keys.get(id)));
        java.util.Map<String, LatestOrder> latest = recomputeLatestOrders(c, numberedKeys);
        List<CandidateIndex.Row> rows = new ArrayList<>(list.size());
        for (Candidate k : list) {
            CandidateIndex.Row row = indexRow(k, keys.get(k.id()), old.get(k.id()));
            LatestOrder o = latest.get(k.id());
            if (o != null) {
                row = row.withOrder(o.status(), o.kind());
            }
            rows.add(row);
        }
        return rows;
    }

    private static void putSyncValue(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO sync_state (k, v) KEY (k) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private CandidateIndex.Row indexRow(Candidate k, long key, CandidateIndex.Row old) {
        return new CandidateIndex.Row(key, k.id(), SearchWords.nameKey(k.firstName(), k.lastName()),
                displayName(k.id(), k.firstName(), k.lastName(), k.email()), k.email(),
                index.intern(truncate(jobsText(k.applications()), 2000)),
                index.intern(primary(k.applications()).map(ApplicationRef::status).orElse(null)),
                old == null ? null : old.order, old == null ? null : old.kind, k.updatedOn(),
                CandidateIndex.words(k.firstName(), k.lastName(), k.email()));
    }

    /** Fills the index from the candidate table (on the writer thread, before any other write). */
    private void loadIndex(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        List<CandidateIndex.Row> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name_key, first_name, last_name, email, jobs_text, "
                + "app_status, latest_order_status, latest_order_kind, updated_on, k FROM candidate");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1), first = rs.getString(3), last = rs.getString(4), email = rs.getString(5);
                java.time.OffsetDateTime updated = rs.getObject(10, java.time.OffsetDateTime.class);
                all.add(new CandidateIndex.Row(rs.getLong(11), id, rs.getString(2), displayName(id, first, last, email),
                        email, index.intern(rs.getString(6)), index.intern(rs.getString(7)), orderStatus(rs.getString(8)),
                        kind(rs.getString(9)), updated == null ? null : updated.toInstant(),
                        CandidateIndex.words(first, last, email)));
            }
        }
        index.reset(all);
        log.info("Candidate index: {} candidates loaded in {} ms", all.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private OrderStatus orderStatus(String raw) {
        return raw == null ? null : index.intern(OrderStatus.of(raw));
    }

    /** A stored kind name; one this version does not know reads as UNKNOWN. */
    static OrderStatus.Kind kind(String name) {
        if (name == null) {
            return null;
        }
        try {
            return OrderStatus.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return OrderStatus.Kind.UNKNOWN;
        }
    }

    private static void bindCandidate(PreparedStatement ps, int base, Candidate k, int seenGen) throws SQLException {
        ps.setString(base + 1, k.firstName());
        ps.setString(base + 2, k.lastName());
        ps.setString(base + 3, k.email());
        ps.setString(base + 4, k.phoneNumber());
        ps.setString(base + 5, k.city());
        ps.setString(base + 6, k.country());
        ps.setString(base + 7, SearchWords.nameKey(k.firstName(), k.lastName()));
        ps.setString(base + 8, SearchWords.key(k.email()));
        ps.setString(base + 9, truncate(jobsText(k.applications()), 2000));
        ps.setString(base + 10, primary(k.applications()).map(ApplicationRef::status).orElse(null));
        Sql.setInstant(ps, base + 11, k.createdOn());
        Sql.setInstant(ps, base + 12, k.updatedOn());
        ps.setInt(base + 13, seenGen);
        ps.setLong(base + 14, ListedApplications.hash(k.applications()));
    }

    /**
     * What a write of listed candidates merges into: those whose applications the listing repeats ({@code same}),
     * and the stored application rows of the others by (candidate id, job id), a second row of one in {@code surplus}.
     */
    private record StoredBefore(Set<String> same, java.util.Map<List<String>, StoredApplication> applications,
                                List<Long> surplus) {
        static final StoredBefore NONE = new StoredBefore(Set.of(), java.util.Map.of(), List.of());
    }

    private static StoredBefore storedBefore(Connection c, List<Candidate> list,
                                             java.util.Map<String, CandidateIndex.Row> old) throws SQLException {
        Set<String> same = listedAsBefore(c, list, old);
        List<Long> ks = old.entrySet().stream().filter(e -> !same.contains(e.getKey())).map(e -> e.getValue().key)
                .toList();
        java.util.Map<List<String>, StoredApplication> stored = new java.util.HashMap<>();
        List<Long> surplus = new ArrayList<>();
        if (!ks.isEmpty()) {
            readStoredApplications(c, "candidate_k IN (" + marks(ks.size()) + ")", ks, stored, surplus);
        }
        return new StoredBefore(same, stored, surplus);
    }

    private static StoredBefore joinRead(CompletableFuture<StoredBefore> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("Reading the local database failed", e.getCause());
        }
    }

    /**
     * The stored candidates ({@code old}, not empty) among {@code list} whose applications the listing gives exactly
     * as the last write did:
     * their stored rows already hold what merging the listing into them would write (the merge is idempotent), so
     * they are neither read nor written. A hash is cleared whenever another write changes a candidate's applications.
     */
    private static Set<String> listedAsBefore(Connection c, List<Candidate> list,
                                              java.util.Map<String, CandidateIndex.Row> old) throws SQLException {
        java.util.Map<Long, Candidate> byKey = new java.util.HashMap<>();
        for (Candidate k : list) {
            CandidateIndex.Row r = old.get(k.id());
            if (r != null) {
                byKey.put(r.key, k);
            }
        }
        Set<String> same = new java.util.HashSet<>();
        List<Long> ks = List.copyOf(byKey.keySet());
        try (PreparedStatement ps = c.prepareStatement("SELECT k, listed_apps_hash FROM candidate WHERE k IN ("
                + marks(ks.size()) + ")")) {
            bind(ps, 0, ks);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Candidate k = byKey.get(rs.getLong(1));
                    long stored = rs.getLong(2);
                    if (!rs.wasNull() && k != null && stored == ListedApplications.hash(k.applications())) {
                        same.add(k.id());
                    }
                }
            }
        }
        return same;
    }

    /**
     * A candidate's listing names all their applications, so the stored ones are replaced; what the listing leaves
     * out (the application UUID, a secondary application's status) is carried over from the stored row. Stored rows
     * are those of {@code known} candidates (by number) and those of {@code numbered} ones, written without a number.
     * <p>
     * Only what differs is written: a row equal to the stored one stays, a changed one is updated where it is, and
     * only new and dropped applications are inserted and deleted. An incremental sync's candidates mostly changed
     * elsewhere (an e-mail, a status of one application); deleting and inserting all their rows touched the rows'
     * pages and their index twice more, in a cache just opened where each page is read from the file first.
     */
    private static void writeApplications(Connection c, List<Candidate> list, java.util.Map<String, Long> keys,
                                          StoredBefore known, List<String> numbered) throws SQLException {
        java.util.Map<List<String>, StoredApplication> stored = new java.util.HashMap<>(known.applications());
        List<Long> surplus = new ArrayList<>(known.surplus());
        if (!numbered.isEmpty()) {
            readStoredApplications(c, "candidate_k IS NULL AND candidate_id IN (" + marks(numbered.size()) + ")",
                    numbered, stored, surplus);
        }
        java.util.Map<List<String>, ApplicationRef> merged = new java.util.LinkedHashMap<>();
        for (Candidate k : list) {
            for (ApplicationRef a : k.applications()) {
                List<String> key = List.of(k.id(), a.jobId());
                StoredApplication s = stored.get(key);
                ApplicationRef old = s == null ? null : s.app();
                merged.put(key, old == null ? a : new ApplicationRef(k.id(), a.jobId(), or(a.jobTitle(), old.jobTitle()),
                        or(a.status(), old.status()), or(a.subStatus(), old.subStatus()),
                        or(a.applicationId(), old.applicationId()), a.primary(), or(a.startsOn(), old.startsOn())));
            }
        }
        List<ApplicationRef> added = new ArrayList<>();
        List<Long> dropped = new ArrayList<>(surplus);
        try (PreparedStatement up = c.prepareStatement("UPDATE application SET job_title=?, status=?, sub_status=?, "
                + "is_primary=?, application_id=?, starts_on=?, candidate_k=? WHERE _ROWID_=?")) {
            boolean any = false;
            for (java.util.Map.Entry<List<String>, ApplicationRef> e : merged.entrySet()) {
                StoredApplication s = stored.get(e.getKey());
                ApplicationRef a = e.getValue();
                Long key = keys.get(a.candidateId());
                if (s == null) {
                    added.add(a);
                } else if (!s.app().equals(a) || !java.util.Objects.equals(s.candidateKey(), key)) {
                    bindApplicationValues(up, 0, a);
                    up.setLong(7, key);
                    up.setLong(8, s.rowId());
                    up.addBatch();
                    any = true;
                }
            }
            if (any) {
                up.executeBatch();
            }
        }
        stored.forEach((key, s) -> {
            if (!merged.containsKey(key)) {
                dropped.add(s.rowId());
            }
        });
        if (!dropped.isEmpty()) {
            deleteApplications(c, "_ROWID_ IN (" + marks(dropped.size()) + ")", dropped);
        }
        for (List<ApplicationRef> chunk : shapedChunks(added, MAX_ROWS_PER_INSERT / 2)) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO application (" + APPLICATION_COLUMNS
                    + ") VALUES " + rows(chunk.size(), APPLICATION_PARAMS))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ApplicationRef a = chunk.get(i);
                    bindApplicationRow(ins, i * APPLICATION_PARAMS, a, keys.get(a.candidateId()));
                }
                ins.executeUpdate();
            }
        }
    }

    /** A stored application row: where it is, its candidate's number (null: none yet) and its values. */
    private record StoredApplication(long rowId, Long candidateKey, ApplicationRef app) {
    }

    /**
     * Reads the application rows matching {@code where} into {@code into} by (candidate id, job id); a second row of
     * the same application (none is written, but an older cache could hold one) goes to {@code surplus} to delete.
     */
    private static void readStoredApplications(Connection c, String where, List<?> params,
                                               java.util.Map<List<String>, StoredApplication> into,
                                               List<Long> surplus) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT _ROWID_ AS row_id, * FROM application WHERE " + where)) {
            bind(ps, 0, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ApplicationRef a = applicationRef(rs);
                    long k = rs.getLong("candidate_k");
                    StoredApplication s = new StoredApplication(rs.getLong("row_id"), rs.wasNull() ? null : k, a);
                    StoredApplication was = into.putIfAbsent(List.of(a.candidateId(), a.jobId()), s);
                    if (was != null) {
                        surplus.add(s.rowId());
                    }
                }
            }
        }
    }

    private static final String APPLICATION_COLUMNS = "job_title, status, sub_status, is_primary, application_id, "
            + "starts_on, candidate_id, job_id, candidate_k";
    private static final int APPLICATION_PARAMS = 9;

    private static void readApplicationsInto(Connection c, String where, List<?> params,
                                             java.util.Map<List<String>, ApplicationRef> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM application WHERE " + where)) {
            bind(ps, 0, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ApplicationRef a = applicationRef(rs);
                    into.put(List.of(a.candidateId(), a.jobId()), a);
                }
            }
        }
    }

    private static void deleteApplications(Connection c, String where, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM application WHERE " + where)) {
            bind(ps, 0, params);
            ps.executeUpdate();
        }
    }

    /** Binds strings and longs from {@code base + 1} on. */
    private static void bind(PreparedStatement ps, int base, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Long l) {
                ps.setLong(base + i + 1, l);
            } else {
                ps.setString(base + i + 1, (String) v);
            }
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static String rows(int rows, int columns) {
        return String.join(",", java.util.Collections.nCopies(rows, "(" + marks(columns) + ")"));
    }

    /*
     * A multi-row INSERT of n rows is its own SQL text, and H2 parses each text it has not cached (a 100-row insert of
     * 14 columns parses for longer than it runs). Cutting a list into pieces of power-of-two sizes only keeps the
     * texts few, so the connection's statement cache (QUERY_CACHE_SIZE, see H2Urls) holds them all.
     */
    private static final int MAX_SHAPED_CHUNK = 128;

    /** {@code list} cut into pieces of {@code max} (rounded down to a power of two), then smaller powers of two. */
    static <T> List<List<T>> shapedChunks(List<T> list, int max) {
        int size = Integer.highestOneBit(Math.max(1, Math.min(max, MAX_SHAPED_CHUNK)));
        List<List<T>> out = new ArrayList<>();
        int i = 0;
        while (i < list.size()) {
            while (size > list.size() - i) {
                size >>= 1;
            }
            out.add(list.subList(i, i + size));
            i += size;
        }
        return out;
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }

    /**
     * Updates or adds application refs; returns the candidates whose rows went in without a number (the cache has
     * no row of theirs yet).
     */
    private Set<String> upsertApplications(Connection c, List<ApplicationRef> given) throws SQLException {
        java.util.Map<List<String>, ApplicationRef> byKey = new java.util.LinkedHashMap<>();
        given.forEach(a -> byKey.put(List.of(a.candidateId(), a.jobId()), a));
        List<ApplicationRef> apps = List.copyOf(byKey.values());
        Set<String> keylessNow = new java.util.HashSet<>();
        if (apps.isEmpty()) {
            return keylessNow;
        }
        if (!indexReady()) {
            throw new StoreException("The local cache's candidate index did not load", null);
        }
        Long[] keys = new Long[apps.size()];
        for (int i = 0; i < apps.size(); i++) {
            CandidateIndex.Row r = index.row(apps.get(i).candidateId());
            keys[i] = r == null ? null : r.key;
        }
        // these refs come from reads of one application, which do not say which is primary (only the listing does):
        // a stored primary flag stays (found by the crash loop: an order sent after the sync cleared it)
        String set = "UPDATE application SET job_title=COALESCE(?, job_title), status=COALESCE(?, status), "
                + "sub_status=COALESCE(?, sub_status), is_primary=(is_primary OR ?), "
                + "application_id=COALESCE(?, application_id), starts_on=COALESCE(?, starts_on) ";
        boolean[] updated = new boolean[apps.size()];
        try (PreparedStatement byNumber = c.prepareStatement(set + "WHERE candidate_k=? AND job_id=?");
             PreparedStatement byId = c.prepareStatement(set + "WHERE candidate_k IS NULL AND candidate_id=? AND job_id=?")) {
            for (int i = 0; i < apps.size(); i++) {
                ApplicationRef a = apps.get(i);
                PreparedStatement up = keys[i] == null ? byId : byNumber;
                bindApplicationValues(up, 0, a);
                if (keys[i] == null) {
                    up.setString(7, a.candidateId());
                    up.setString(8, a.jobId());
                } else {
                    up.setLong(7, keys[i]);
                    up.setString(8, a.jobId());
                }
                updated[i] = up.executeUpdate() > 0;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO application (" + APPLICATION_COLUMNS
                + ") VALUES " + rows(1, APPLICATION_PARAMS))) {
            for (int i = 0; i < apps.size(); i++) {
                if (!updated[i]) {
                    bindApplicationRow(ins, 0, apps.get(i), keys[i]);
                    ins.executeUpdate();
                    if (keys[i] == null) {
                        keylessNow.add(apps.get(i).candidateId());
                    }
                }
            }
        }
        // their rows no longer match the last listing's: the next one merges into them again (see listedAsBefore)
        List<Long> touched = java.util.Arrays.stream(keys).filter(java.util.Objects::nonNull).distinct().toList();
        if (!touched.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE candidate SET listed_apps_hash=NULL WHERE k IN ("
                    + marks(touched.size()) + ")")) {
                bind(ps, 0, touched);
                ps.executeUpdate();
            }
        }
        return keylessNow;
    }

    /** The six value columns of an application, from {@code base + 1}. */
    private static void bindApplicationValues(PreparedStatement ps, int base, ApplicationRef a) throws SQLException {
        ps.setString(base + 1, a.jobTitle());
        ps.setString(base + 2, a.status());
        ps.setString(base + 3, a.subStatus());
        ps.setBoolean(base + 4, a.primary());
        ps.setString(base + 5, a.applicationId());
        Sql.setInstant(ps, base + 6, a.startsOn());
    }

    /** A whole application row in {@link #APPLICATION_COLUMNS} order; a null key: the candidate has no row yet. */
    private static void bindApplicationRow(PreparedStatement ps, int base, ApplicationRef a, Long key)
            throws SQLException {
        bindApplicationValues(ps, base, a);
        ps.setString(base + 7, a.candidateId());
        ps.setString(base + 8, a.jobId());
        if (key == null) {
            ps.setNull(base + 9, java.sql.Types.BIGINT);
        } else {
            ps.setLong(base + 9, key);
        }
    }

    /** Stores application refs (e.g. one read with its UUID); unknown ones are added. */
    public CompletableFuture<Void> upsertApplications(List<ApplicationRef> apps) {
        List<ApplicationRef> copy = List.copyOf(apps);
        Set<String> keylessNow = new java.util.HashSet<>();
        return write(c -> {
            keylessNow.addAll(upsertApplications(c, copy));
            return null;
        }, done -> keyless.addAll(keylessNow));
    }

    // ---------------------------------------------------------------- the first full sync's bulk load

    /*
     * Into an empty cache, a first full sync's pages publish the People list's sorted array at most every 250 ms
     * instead of after each page (see CandidateIndex.deferPublishing): merging 100,000 rows one page at a time cost
     * as much as writing them.
     */

    /**
     * Starts a bulk load if the cache holds no candidate (the first full sync, or one after a rebuild): true if it
     * did. {@link #endBulkLoad()} must follow, whatever the sync's outcome.
     */
    public CompletableFuture<Boolean> beginBulkLoad() {
        return write(c -> {
            if (bulkLoading || index.size() > 0) {
                return false;
            }
            bulkLoading = true;
            index.deferPublishing(true);
            return true;
        });
    }

    /** Ends a bulk load: the People list shows every stored candidate again at once after each write. */
    public CompletableFuture<Void> endBulkLoad() {
        return write(c -> {
            bulkLoading = false;
            index.deferPublishing(false);
            return null;
        });
    }

    /** Writer thread only. */
    private boolean bulkLoading;

    /**
     * As {@link #deleteCandidatesNotSeenSince(int)}, told which candidates the listing named: those were seen, so
     * only the others are looked at (usually none or a few) instead of reading every row to find them.
     */
    public CompletableFuture<Integer> deleteCandidatesNotSeenSince(int gen, Set<String> listed) {
        Set<String> named = Set.copyOf(listed);
        List<String> gone = new ArrayList<>();
        return write(c -> {
            List<Long> goneKeys = new ArrayList<>();
            for (List<String> chunk : chunks(index.idsOutside(named), 500)) {
                List<Long> keys = chunk.stream().map(index::row).filter(java.util.Objects::nonNull).map(r -> r.key)
                        .toList();
                if (keys.isEmpty()) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT k, id FROM candidate WHERE seen_gen < ? AND k IN ("
                        + marks(keys.size()) + ")")) {
                    ps.setInt(1, gen);
                    bind(ps, 1, keys);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            goneKeys.add(rs.getLong(1));
                            gone.add(rs.getString(2));
                        }
                    }
                }
            }
            for (int i = 0; i < gone.size(); i += 500) {
                List<String> ids = gone.subList(i, Math.min(gone.size(), i + 500));
                List<Long> keys = goneKeys.subList(i, Math.min(gone.size(), i + 500));
                deleteApplications(c, "candidate_k IN (" + marks(keys.size()) + ")", keys);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM assessment_order WHERE candidate_id IN ("
                        + marks(ids.size()) + ")")) {
                    bind(ps, 0, ids);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM candidate WHERE k IN ("
                        + marks(keys.size()) + ")")) {
                    bind(ps, 0, keys);
                    ps.executeUpdate();
                }
            }
            return gone.size();
        }, n -> index.apply(List.of(), gone));
    }

    /** Removes candidates a complete full listing did not name (gone from SmartRecruiters). */
    public CompletableFuture<Integer> deleteCandidatesNotSeenSince(int gen) {
        return deleteCandidatesNotSeenSince(gen, Set.of());
    }

    /**
     * How many candidates match the People filter (see {@link CandidateIndex} for what matches). Served from memory;
     * in the moment after start while the index is still loading, this waits for it.
     */
    public int count(String text, OrderStatus.Kind kind) {
        FirstScreen f = firstScreenFor(text, kind);
        return f != null ? f.count() : readyIndex().count(text, kind);
    }

    /** Rows {@code offset .. offset+limit} of the filtered list, in (name key, id) order. See {@link #count}. */
    public List<CandidateRow> page(String text, OrderStatus.Kind kind, int offset, int limit) {
        FirstScreen f = firstScreenFor(text, kind);
        if (f != null && offset >= 0 && limit >= 0 && (offset + (long) limit <= f.rows().size() || f.rows().size() == f.count())) {
            return f.rows().subList(Math.min(offset, f.rows().size()), (int) Math.min(offset + (long) limit, f.rows().size()));
        }
        return readyIndex().page(text, kind, offset, limit);
    }

    private boolean indexReady() {
        return indexLoaded.isDone() && !indexLoaded.isCompletedExceptionally();
    }

    private CandidateIndex readyIndex() {
        wantIndex();
        try {
            indexLoaded.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            throw new StoreException("The candidate list could not be read from the local cache", e);
        }
        return index;
    }

    /** A plain substring scan over all emails: only a yardstick for the performance test. */
    int scanEmailForCalibration(String part) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM candidate WHERE email_key LIKE ?")) {
                ps.setString(1, "%" + part + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public int candidateCount() {
        return count("", null);
    }

    public Optional<Candidate> candidate(String id) {
        long key = keyOf(id);
        if (key < 0) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM candidate WHERE k=?")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Candidate(rs.getString("id"), rs.getString("first_name"),
                            rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                            rs.getString("city"), rs.getString("country"), Sql.instant(rs, "created_on"),
                            Sql.instant(rs, "updated_on"), readApplications(c, id, key)));
                }
            }
        });
    }

    public List<ApplicationRef> applications(String candidateId) {
        long key = keyOf(candidateId);
        List<ApplicationRef> apps = db.read(c -> readApplications(c, candidateId, key));
        if (apps.isEmpty() && key < 0) {
            // the listing may have numbered them between the look-up and the read (found in review)
            long now = keyOf(candidateId);
            if (now >= 0) {
                return db.read(c -> readApplications(c, candidateId, now));
            }
        }
        return apps;
    }

    public Optional<ApplicationRef> application(String candidateId, String jobId) {
        return applications(candidateId).stream().filter(a -> a.jobId().equals(jobId)).findFirst();
    }

    /** A candidate's applications: by number, or (key -1) those stored before the candidate's row was. */
    private static List<ApplicationRef> readApplications(Connection c, String candidateId, long key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM application WHERE "
                + (key < 0 ? "candidate_k IS NULL AND candidate_id=?" : "candidate_k=?")
                + " ORDER BY is_primary DESC, job_title, job_id")) {
            if (key < 0) {
                ps.setString(1, candidateId);
            } else {
                ps.setLong(1, key);
            }
            List<ApplicationRef> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(applicationRef(rs));
                }
            }
            return out;
        }
    }

    private static ApplicationRef applicationRef(ResultSet rs) throws SQLException {
        return new ApplicationRef(rs.getString("candidate_id"), rs.getString("job_id"), rs.getString("job_title"),
                rs.getString("status"), rs.getString("sub_status"), rs.getString("application_id"),
                rs.getBoolean("is_primary"), Sql.instant(rs, "starts_on"));
    }

    /** Applications of the given candidates (orders are read per application), by candidate id and job id. */
    public List<ApplicationRef> applicationsOf(Collection<String> candidateIds) {
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        List<Long> keys = new ArrayList<>();
        List<String> withoutRow = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(candidateIds)) {
            long key = keyOf(id);
            if (key < 0) {
                withoutRow.add(id);
            } else {
                keys.add(key);
            }
        }
        return db.read(c -> {
            java.util.Map<List<String>, ApplicationRef> found = new java.util.HashMap<>();
            if (!keys.isEmpty()) {
                readApplicationsInto(c, "candidate_k IN (" + marks(keys.size()) + ")", keys, found);
            }
            if (!withoutRow.isEmpty()) {
                readApplicationsInto(c, "candidate_k IS NULL AND candidate_id IN (" + marks(withoutRow.size()) + ")",
                        withoutRow, found);
            }
            return found.values().stream().sorted(java.util.Comparator.comparing(ApplicationRef::candidateId)
                    .thenComparing(ApplicationRef::jobId)).toList();
        });
    }

    /** Applications of the given jobs that are in (status, subStatus) now, as far as the cache knows. */
    public List<ApplicationRef> applicationsInStep(Collection<String> jobIds, String status, String subStatus) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM application WHERE job_id = ANY(?) "
                    + "AND status = ? AND sub_status = ? ORDER BY candidate_id, job_id")) {
                ps.setObject(1, jobIds.toArray(String[]::new));
                ps.setString(2, status);
                ps.setString(3, subStatus);
                List<ApplicationRef> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(applicationRef(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Ids of the candidates whose email is this one, case ignored. */
    public List<String> candidateIdsWithEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM candidate WHERE email_key = ? ORDER BY id")) {
                ps.setString(1, email.strip().toLowerCase(java.util.Locale.ROOT));
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /** A chunk of the walk over all applications, and the position after it ("" when the walk is over). */
    public record ApplicationWalk(List<ApplicationRef> applications, String next) {
    }

    /**
     * Up to {@code limit} applications after {@code position} ("" or one a previous chunk returned) in the order of
     * their candidates' numbers: a resumable walk over the applications of the stored candidates. A position this
     * version cannot read starts the walk over.
     */
    public ApplicationWalk applicationsAfter(String position, int limit) {
        long afterKey = 0;
        String afterJob = "";
        String[] pos = position == null ? new String[0] : position.split("\u0001", 2);
        if (pos.length == 2) {
            try {
                afterKey = Long.parseLong(pos[0]);
                afterJob = pos[1];
            } catch (NumberFormatException e) {
                afterKey = 0;
                afterJob = "";
            }
        }
        long k = afterKey;
        String job = afterJob;
        return db.read(c -> {
            // "k >= ?" alone bounds the index range; the OR only trims the first candidate's jobs already walked
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM application WHERE candidate_k >= ? "
                    + "AND (candidate_k > ? OR job_id > ?) ORDER BY candidate_k, job_id LIMIT ?")) {
                ps.setLong(1, k);
                ps.setLong(2, k);
                ps.setString(3, job);
                ps.setInt(4, limit);
                List<ApplicationRef> out = new ArrayList<>();
                String next = "";
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(applicationRef(rs));
                        next = rs.getLong("candidate_k") + "\u0001" + rs.getString("job_id");
                    }
                }
                return new ApplicationWalk(out, next);
            }
        });
    }

    // ---------------------------------------------------------------- jobs

    public CompletableFuture<Void> upsertJobs(List<Job> jobs) {
        List<Job> copy = List.copyOf(jobs);
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO job (id, title, status, department, location, "
                    + "hiring_process_id) KEY (id) VALUES (?,?,?,?,?,?)")) {
                for (Job j : copy) {
                    ps.setString(1, j.id());
                    ps.setString(2, j.title());
                    ps.setString(3, j.status());
                    ps.setString(4, j.department());
                    ps.setString(5, j.location());
                    ps.setString(6, j.hiringProcessId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<Job> jobs() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM job ORDER BY LOWER(title), id");
                 ResultSet rs = ps.executeQuery()) {
                List<Job> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Job(rs.getString("id"), rs.getString("title"), rs.getString("status"),
                            rs.getString("department"), rs.getString("location"), rs.getString("hiring_process_id")));
                }
                return out;
            }
        });
    }

    // ---------------------------------------------------------------- orders

    /**
     * Stores orders as the server sent them and refreshes each touched candidate's latest-order columns. Returns
     * the ids of candidates whose orders actually changed (so callers announce only real changes).
     */
    public CompletableFuture<Set<String>> upsertOrders(List<AssessmentOrder> orders) {
        List<AssessmentOrder> copy = orders.stream().filter(o -> o.id() != null).toList();
        List<CandidateIndex.Row> rows = new ArrayList<>();
        return write(c -> {
            Set<String> changed = new java.util.HashSet<>();
            if (copy.isEmpty()) {
                return changed;
            }
            try (PreparedStatement old = c.prepareStatement(
                         "SELECT status, updated_on, score_value FROM assessment_order WHERE id=?");
                 PreparedStatement up = c.prepareStatement("UPDATE assessment_order SET idempotency_key="
                         + "COALESCE(?, idempotency_key), application_id=?, candidate_id=COALESCE(?, candidate_id), "
                         + "job_id=COALESCE(?, job_id), partner_id=?, partner_name=?, package_id=?, package_name=?, "
                         + "status=?, status_kind=?, created_on=?, updated_on=?, score_label=?, score_value=?, "
                         + "score_min=?, score_max=?, summary=?, report_url=?, history_json=?, attachments_json=?, "
                         + "last_error=? WHERE id=?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO assessment_order (idempotency_key, "
                         + "application_id, candidate_id, job_id, partner_id, partner_name, package_id, package_name, "
                         + "status, status_kind, created_on, updated_on, score_label, score_value, score_min, "
                         + "score_max, summary, report_url, history_json, attachments_json, last_error, id) "
                         + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (AssessmentOrder o : copy) {
                    if (!sameAsStored(old, o)) {
                        changed.add(o.candidateId());
                    }
                    bindOrder(up, o);
                    if (up.executeUpdate() == 0) {
                        bindOrder(ins, o);
                        ins.executeUpdate();
                    }
                }
            }
            changed.remove(null);
            rows.addAll(refreshLatestOrder(c, copy.stream().map(AssessmentOrder::candidateId)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet())));
            return changed;
        }, changed -> index.apply(rows, List.of()));
    }

    private static boolean sameAsStored(PreparedStatement old, AssessmentOrder o) throws SQLException {
        old.setString(1, o.id());
        try (ResultSet rs = old.executeQuery()) {
            return rs.next() && o.status().raw().equals(rs.getString(1))
                    && java.util.Objects.equals(o.updatedOn(), Sql.instant(rs, "updated_on"))
                    && java.util.Objects.equals(o.score() == null ? null : o.score().value(), rs.getString(3));
        }
    }

    private static void bindOrder(PreparedStatement ps, AssessmentOrder o) throws SQLException {
        Score s = o.score();
        ps.setString(1, o.idempotencyKey());
        ps.setString(2, o.applicationId());
        ps.setString(3, o.candidateId());
        ps.setString(4, o.jobId());
        ps.setString(5, o.partnerId());
        ps.setString(6, o.partnerName());
        ps.setString(7, o.packageId());
        ps.setString(8, o.packageName());
        ps.setString(9, truncate(o.status().raw(), 64));
        ps.setString(10, o.status().kind().name());
        Sql.setInstant(ps, 11, o.createdOn());
        Sql.setInstant(ps, 12, o.updatedOn());
        ps.setString(13, s == null ? null : s.label());
        ps.setString(14, s == null ? null : truncate(s.value(), 64));
        ps.setString(15, s == null ? null : truncate(s.min(), 64));
        ps.setString(16, s == null ? null : truncate(s.max(), 64));
        ps.setString(17, truncate(o.summary(), 4000));
        ps.setString(18, truncate(o.reportUrl(), 2000));
        ps.setString(19, toJson(o.history()));
        ps.setString(20, toJson(o.attachments()));
        ps.setString(21, truncate(o.lastError(), 1000));
        ps.setString(22, o.id());
    }

    /** Recomputes the latest-order columns; returns the changed candidates' rows for the index. */
    private List<CandidateIndex.Row> refreshLatestOrder(Connection c, Set<String> candidateIds) throws SQLException {
        // only candidates with a row have latest-order columns (an order may name one the listing has not reached)
        java.util.Map<String, Long> keys = new java.util.HashMap<>();
        for (String id : candidateIds) {
            CandidateIndex.Row r = index.row(id);
            if (r != null) {
                keys.put(id, r.key);
            }
        }
        List<CandidateIndex.Row> rows = new ArrayList<>();
        for (java.util.Map.Entry<String, LatestOrder> e : recomputeLatestOrders(c, keys).entrySet()) {
            CandidateIndex.Row old = index.row(e.getKey());
            if (old != null) {
                rows.add(old.withOrder(e.getValue().status(), e.getValue().kind()));
            }
        }
        return rows;
    }

    /** A candidate's latest-order columns as stored (both null: no order). */
    private record LatestOrder(OrderStatus status, OrderStatus.Kind kind) {
    }

    /**
     * Recomputes the latest-order columns of these candidates (id to row number) from their stored orders; returns
     * each one's columns as stored now.
     */
    private java.util.Map<String, LatestOrder> recomputeLatestOrders(Connection c, java.util.Map<String, Long> keys)
            throws SQLException {
        java.util.Map<String, LatestOrder> out = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Long> numbers = List.copyOf(keys.values());
        try (PreparedStatement ps = c.prepareStatement("UPDATE candidate cand SET (latest_order_status, "
                + "latest_order_kind, latest_order_at) = (SELECT o.status, o.status_kind, o.created_on "
                + "FROM assessment_order o WHERE o.candidate_id = cand.id "
                + "ORDER BY o.created_on DESC NULLS LAST, o.id DESC LIMIT 1) WHERE cand.k = ?")) {
            for (long key : numbers) {
                ps.setLong(1, key);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, latest_order_status, latest_order_kind "
                + "FROM candidate WHERE k IN (" + marks(numbers.size()) + ")")) {
            bind(ps, 0, numbers);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new LatestOrder(orderStatus(rs.getString(2)), kind(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** Shows a just-queued order in the People list before the server has it. */
    public CompletableFuture<Void> markSending(String candidateId, Instant at) {
        return write(c -> {
            CandidateIndex.Row row = index.row(candidateId);
            if (row == null) {
                return null; // not listed yet: no People row to mark
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE candidate SET latest_order_status='SENDING', "
                    + "latest_order_kind='SENDING', latest_order_at=? WHERE k=?")) {
                Sql.setInstant(ps, 1, at);
                ps.setLong(2, row.key);
                ps.executeUpdate();
            }
            return null;
        }, done -> {
            CandidateIndex.Row old = index.row(candidateId);
            if (old != null) {
                index.apply(List.of(old.withOrder(OrderStatus.SENDING, OrderStatus.Kind.SENDING)), List.of());
            }
        });
    }

    /** Puts the latest-order columns back to what the stored orders say (after a queued order failed). */
    public CompletableFuture<Void> recomputeLatestOrder(String candidateId) {
        List<CandidateIndex.Row> rows = new ArrayList<>();
        return write(c -> {
            rows.addAll(refreshLatestOrder(c, Set.of(candidateId)));
            return null;
        }, done -> index.apply(rows, List.of()));
    }

    public List<AssessmentOrder> ordersOfCandidate(String candidateId) {
        return readOrders("WHERE candidate_id=? ORDER BY created_on DESC NULLS LAST, id DESC", candidateId);
    }

    public List<AssessmentOrder> openOrders() {
        return readOrders("WHERE status_kind NOT IN (" + TERMINAL_KINDS + ") ORDER BY updated_on NULLS FIRST");
    }

    private List<AssessmentOrder> readOrders(String where, String... params) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM assessment_order " + where)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                List<AssessmentOrder> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(order(rs));
                    }
                }
                return out;
            }
        });
    }

    private static AssessmentOrder order(ResultSet rs) throws SQLException {
        String label = rs.getString("score_label"), value = rs.getString("score_value");
        Score score = label == null && value == null ? null
                : new Score(label, value, rs.getString("score_min"), rs.getString("score_max"));
        return new AssessmentOrder(rs.getString("id"), rs.getString("idempotency_key"),
                rs.getString("application_id"), rs.getString("candidate_id"), rs.getString("job_id"),
                rs.getString("partner_id"), rs.getString("partner_name"), rs.getString("package_id"),
                rs.getString("package_name"), OrderStatus.of(rs.getString("status")),
                Sql.instant(rs, "created_on"), Sql.instant(rs, "updated_on"),
                fromJson(rs.getString("history_json"), HISTORY), score, rs.getString("summary"),
                rs.getString("report_url"), fromJson(rs.getString("attachments_json"), ATTACHMENTS),
                rs.getString("last_error"));
    }

    // ---------------------------------------------------------------- package catalogue

    /** Remembers a partner's packages and their usual times (replacing what was stored for those packages). */
    public CompletableFuture<Void> upsertPackages(List<AssessmentPackage> packages, Instant fetchedOn) {
        List<AssessmentPackage> copy = packages.stream().filter(p -> p.id() != null && p.partnerId() != null).toList();
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO assessment_package (id, partner_id, name, "
                    + "expected_minutes, fetched_on) KEY (id) VALUES (?, ?, ?, ?, ?)")) {
                for (AssessmentPackage p : copy) {
                    ps.setString(1, p.id());
                    ps.setString(2, p.partnerId());
                    ps.setString(3, truncate(p.name(), 255));
                    ps.setInt(4, Math.max(0, p.expectedMinutes()));
                    Sql.setInstant(ps, 5, fetchedOn);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every known package's usual time (a few dozen rows: the whole catalogue). */
    public PackageTimes packageTimes() {
        return db.read(c -> {
            java.util.Map<String, Integer> minutes = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, expected_minutes FROM assessment_package");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    minutes.put(rs.getString(1), rs.getInt(2));
                }
            }
            return new PackageTimes(minutes);
        });
    }

    // ---------------------------------------------------------------- orders to refresh in the background

    /** Notes candidates whose orders should be read again (by the background walk, not the sync itself). */
    public CompletableFuture<Void> queueOrderRefresh(Collection<String> candidateIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(candidateIds));
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO order_refresh (candidate_id) KEY (candidate_id) "
                    + "VALUES (?)")) {
                for (String id : ids) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Up to {@code limit} candidates waiting for an order refresh, oldest id first. */
    public List<String> orderRefreshQueue(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT candidate_id FROM order_refresh ORDER BY "
                    + "candidate_id LIMIT ?")) {
                ps.setInt(1, limit);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    public CompletableFuture<Void> orderRefreshDone(Collection<String> candidateIds) {
        List<String> ids = List.copyOf(candidateIds);
        return write(c -> {
            if (!ids.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_refresh WHERE candidate_id IN ("
                        + marks(ids.size()) + ")")) {
                    bind(ps, 0, ids);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- sync bookmarks

    public Optional<String> syncValue(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM sync_state WHERE k=?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public CompletableFuture<Void> putSyncValue(String key, String value) {
        return write(c -> {
            putSyncValue(c, key, value);
            return null;
        });
    }

    /** Empties the cache (another account's data must never show under this one); the schema stays. */
    public CompletableFuture<Void> clearAll() {
        return write(c -> {
            try (var st = c.createStatement()) {
                for (String table : List.of("assessment_order", "application", "candidate", "job", "sync_state",
                        "assessment_package", "order_refresh")) {
                    st.executeUpdate("DELETE FROM " + table);
                }
            }
            return null;
        }, done -> {
            index.reset(List.of());
            keyless.clear();
        });
    }

    // ---------------------------------------------------------------- helpers

    static String displayName(String id, String first, String last, String email) {
        return new Candidate(id, first, last, email, null, null, null, null, null, null).displayName();
    }

    private static Optional<ApplicationRef> primary(List<ApplicationRef> apps) {
        return apps.stream().filter(ApplicationRef::primary).findFirst().or(() -> apps.stream().findFirst());
    }

    private static String jobsText(List<ApplicationRef> apps) {
        return apps.stream().sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(a -> a.jobTitle() == null ? a.jobId() : a.jobTitle()).collect(Collectors.joining(", "));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private static <T> List<T> fromJson(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        // an index still waiting for the rest of its rows loads them now: the file saved below must hold them all
        wantIndex();
        try {
            indexLoaded.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            // not loaded: nothing to save; the next start reads the cache
        }
        if (indexReady()) {
            saveIndex();
        }
        storedReader.shutdown();
        db.close();
    }

    /** Saves the index for the next start (on the writer thread, after every queued write). Best effort. */
    private void saveIndex() {
        String token = java.util.UUID.randomUUID().toString();
        try {
            writeAndWait(c -> {
                index.deferPublishing(false); // rows a bulk load has not published yet belong in the file too
                long t0 = System.nanoTime();
                try {
                    CandidateIndexFile.write(indexFile, token, index.rows());
                    log.info("Candidate index: {} candidates saved to the index file in {} ms", index.size(),
                            (System.nanoTime() - t0) / 1_000_000);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                putSyncValue(c, INDEX_FILE_TOKEN, token);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("The candidate index was not saved; the next start reads it from the cache", e);
        }
    }
}
