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

    private CacheStore(Database db, Path indexFile) {
        this.db = db;
        this.indexFile = indexFile;
        this.indexLoaded = db.write(c -> {
            String token = syncValue(c, INDEX_FILE_TOKEN).orElse(null);
            Optional<List<CandidateIndex.Row>> saved = CandidateIndexFile.read(indexFile, token, index);
            if (token != null) {
                // forgotten in this, the first write: after any later write the file no longer matches the cache
                deleteSyncValue(c, INDEX_FILE_TOKEN);
            }
            if (saved.isPresent()) {
                long t0 = System.nanoTime();
                index.reset(saved.get());
                log.info("Candidate index: {} candidates read from the index file in {} ms", saved.get().size(),
                        (System.nanoTime() - t0) / 1_000_000);
            } else {
                loadIndex(c);
            }
            createIdIndexes(c); // a crash during a first full sync leaves them dropped (see beginBulkLoad)
            return null;
        });
    }

    public static CacheStore open(Path dataDir) {
        return new CacheStore(Database.open(dataDir, NAME, false), CandidateIndexFile.beside(dataDir, NAME));
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
        return db.write(c -> {
            rows.addAll(writeCandidates(c, copy, seenGen));
            return copy.size();
        }, n -> index.apply(rows, List.of()));
    }

    /*
     * A page is written with a handful of statements, not a dozen per candidate: H2 pays per statement executed,
     * so new rows go in as multi-row INSERTs and the rows to replace are found and removed with one IN (...) each.
     */
    private static final String CANDIDATE_COLUMNS = "first_name, last_name, email, phone, city, country, name_key, "
            + "email_key, jobs_text, app_status, created_on, updated_on, seen_gen, id";
    private static final int CANDIDATE_PARAMS = 14;
    private static final int MAX_ROWS_PER_INSERT = 400;

    /** Writes a page of candidates; returns their rows for the index (to apply once committed). */
    private List<CandidateIndex.Row> writeCandidates(Connection c, List<Candidate> list, int seenGen)
            throws SQLException {
        if (list.isEmpty()) {
            return List.of();
        }
        List<String> ids = list.stream().map(Candidate::id).toList();
        Set<String> known = knownIds(c, ids);
        List<Candidate> fresh = list.stream().filter(k -> !known.contains(k.id())).toList();
        if (!known.isEmpty()) {
            try (PreparedStatement up = c.prepareStatement("UPDATE candidate SET first_name=?, last_name=?, email=?, "
                    + "phone=COALESCE(?, phone), city=COALESCE(?, city), country=COALESCE(?, country), name_key=?, "
                    + "email_key=?, jobs_text=?, app_status=?, created_on=COALESCE(?, created_on), updated_on=?, "
                    + "seen_gen=GREATEST(seen_gen, ?) WHERE id=?")) {
                for (Candidate k : list) {
                    if (known.contains(k.id())) {
                        bindCandidate(up, 0, k, seenGen);
                        up.addBatch();
                    }
                }
                up.executeBatch();
            }
        }
        for (List<Candidate> chunk : chunks(fresh, MAX_ROWS_PER_INSERT / 4)) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO candidate (" + CANDIDATE_COLUMNS + ") VALUES "
                    + rows(chunk.size(), CANDIDATE_PARAMS))) {
                for (int i = 0; i < chunk.size(); i++) {
                    bindCandidate(ins, i * CANDIDATE_PARAMS, chunk.get(i), seenGen);
                }
                ins.executeUpdate();
            }
        }
        // every id, not only known candidates: an order sent before the listing reached its candidate (a fresh or
        // rebuilt cache) has already stored that application, with the UUID the listing does not carry
        Set<String> elsewhere = bulkApplicationsElsewhere;
        writeApplications(c, list, elsewhere == null ? ids
                : ids.stream().filter(id -> known.contains(id) || elsewhere.contains(id)).toList());
        List<CandidateIndex.Row> rows = new ArrayList<>(list.size());
        for (Candidate k : list) {
            rows.add(indexRow(k, index.row(k.id())));
        }
        return rows;
    }

    /**
     * Which of these candidates the cache holds already. The index knows (it mirrors every committed write, and this
     * runs on the writer thread after it was loaded), which saves a query per page; without it, the database says.
     */
    private Set<String> knownIds(Connection c, List<String> ids) throws SQLException {
        Set<String> known = new java.util.HashSet<>();
        if (indexReady()) {
            ids.stream().filter(index::contains).forEach(known::add);
            return known;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM candidate WHERE id IN (" + marks(ids.size()) + ")")) {
            bindStrings(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    private CandidateIndex.Row indexRow(Candidate k, CandidateIndex.Row old) {
        return new CandidateIndex.Row(k.id(), SearchWords.nameKey(k.firstName(), k.lastName()),
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
                + "app_status, latest_order_status, latest_order_kind, updated_on FROM candidate");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1), first = rs.getString(3), last = rs.getString(4), email = rs.getString(5);
                java.time.OffsetDateTime updated = rs.getObject(10, java.time.OffsetDateTime.class);
                all.add(new CandidateIndex.Row(id, rs.getString(2), displayName(id, first, last, email), email,
                        index.intern(rs.getString(6)), index.intern(rs.getString(7)), orderStatus(rs.getString(8)),
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
        ps.setString(base + 14, k.id());
    }

    /**
     * A candidate's listing names all their applications, so the stored ones are replaced; what the listing leaves
     * out (the application UUID, a secondary application's status) is carried over from the stored row.
     */
    private static void writeApplications(Connection c, List<Candidate> list, List<String> knownIds)
            throws SQLException {
        java.util.Map<List<String>, ApplicationRef> stored = new java.util.HashMap<>();
        if (!knownIds.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM application WHERE candidate_id IN ("
                    + marks(knownIds.size()) + ")")) {
                bindStrings(ps, knownIds);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ApplicationRef a = applicationRef(rs);
                        stored.put(List.of(a.candidateId(), a.jobId()), a);
                    }
                }
            }
            deleteWhereCandidateIn(c, "application", knownIds);
        }
        java.util.Map<List<String>, ApplicationRef> merged = new java.util.LinkedHashMap<>();
        for (Candidate k : list) {
            for (ApplicationRef a : k.applications()) {
                List<String> key = List.of(k.id(), a.jobId());
                ApplicationRef old = stored.get(key);
                merged.put(key, old == null ? a : new ApplicationRef(k.id(), a.jobId(), or(a.jobTitle(), old.jobTitle()),
                        or(a.status(), old.status()), or(a.subStatus(), old.subStatus()),
                        or(a.applicationId(), old.applicationId()), a.primary(), or(a.startsOn(), old.startsOn())));
            }
        }
        for (List<ApplicationRef> chunk : chunks(List.copyOf(merged.values()), MAX_ROWS_PER_INSERT / 2)) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO application (job_title, status, sub_status, "
                    + "is_primary, application_id, starts_on, candidate_id, job_id) VALUES " + rows(chunk.size(), 8))) {
                for (int i = 0; i < chunk.size(); i++) {
                    bindApplication(ins, i * 8, chunk.get(i));
                }
                ins.executeUpdate();
            }
        }
    }

    private static void deleteWhereCandidateIn(Connection c, String table, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE candidate_id IN ("
                + marks(ids.size()) + ")")) {
            bindStrings(ps, ids);
            ps.executeUpdate();
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

    private static void bindStrings(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }

    private static void upsertApplications(Connection c, List<ApplicationRef> given) throws SQLException {
        java.util.Map<List<String>, ApplicationRef> byKey = new java.util.LinkedHashMap<>();
        given.forEach(a -> byKey.put(List.of(a.candidateId(), a.jobId()), a));
        List<ApplicationRef> apps = List.copyOf(byKey.values());
        if (apps.isEmpty()) {
            return;
        }
        int[] updated;
        // these refs come from reads of one application, which do not say which is primary (only the listing does):
        // a stored primary flag stays (found by the crash loop: an order sent after the sync cleared it)
        try (PreparedStatement up = c.prepareStatement("UPDATE application SET job_title=COALESCE(?, job_title), "
                + "status=COALESCE(?, status), sub_status=COALESCE(?, sub_status), is_primary=(is_primary OR ?), "
                + "application_id=COALESCE(?, application_id), starts_on=COALESCE(?, starts_on) "
                + "WHERE candidate_id=? AND job_id=?")) {
            for (ApplicationRef a : apps) {
                bindApplication(up, 0, a);
                up.addBatch();
            }
            updated = up.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO application (job_title, status, sub_status, "
                + "is_primary, application_id, starts_on, candidate_id, job_id) VALUES (?,?,?,?,?,?,?,?)")) {
            boolean any = false;
            for (int i = 0; i < apps.size(); i++) {
                if (updated[i] == 0) {
                    bindApplication(ins, 0, apps.get(i));
                    ins.addBatch();
                    any = true;
                }
            }
            if (any) {
                ins.executeBatch();
            }
        }
    }

    private static void bindApplication(PreparedStatement ps, int base, ApplicationRef a) throws SQLException {
        ps.setString(base + 1, a.jobTitle());
        ps.setString(base + 2, a.status());
        ps.setString(base + 3, a.subStatus());
        ps.setBoolean(base + 4, a.primary());
        ps.setString(base + 5, a.applicationId());
        Sql.setInstant(ps, base + 6, a.startsOn());
        ps.setString(base + 7, a.candidateId());
        ps.setString(base + 8, a.jobId());
    }

    /** Stores application refs (e.g. one read with its UUID); unknown ones are added. */
    public CompletableFuture<Void> upsertApplications(List<ApplicationRef> apps) {
        List<ApplicationRef> copy = List.copyOf(apps);
        return db.write(c -> {
            upsertApplications(c, copy);
            if (bulkApplicationsElsewhere != null) {
                copy.forEach(a -> bulkApplicationsElsewhere.add(a.candidateId()));
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- the first full sync's bulk load

    /*
     * The two indexes keyed by candidate id (random UUIDs) cost half of a first full sync's time: every commit
     * rewrites most of their pages. Into an empty cache the sync drops them and builds each once at the end (2.7-5 s
     * for 100,000 candidates on 2 cores, against 12 s more without). Meanwhile reads by candidate id scan a table still being
     * filled, and applications written outside the listing (an order sent during the load) are remembered, so the
     * listing still merges with those rows. Open builds them again if a crash left them dropped.
     */
    private static final List<String> ID_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS candidate_by_id ON candidate (id)",
            "CREATE INDEX IF NOT EXISTS application_by_candidate ON application (candidate_id, job_id)");

    /** Writer thread only. While a bulk load runs: the candidates whose applications the listing did not write. */
    private Set<String> bulkApplicationsElsewhere;

    /**
     * Starts a bulk load if the cache holds no candidate (the first full sync, or one after a rebuild): true if it
     * did. {@link #endBulkLoad()} must follow, whatever the sync's outcome.
     */
    public CompletableFuture<Boolean> beginBulkLoad() {
        return db.write(c -> {
            if (bulkApplicationsElsewhere != null || index.size() > 0) {
                return false;
            }
            Set<String> elsewhere = new java.util.HashSet<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT candidate_id FROM application")) {
                    while (rs.next()) {
                        elsewhere.add(rs.getString(1));
                    }
                }
                st.execute("DROP INDEX IF EXISTS candidate_by_id");
                st.execute("DROP INDEX IF EXISTS application_by_candidate");
            }
            bulkApplicationsElsewhere = elsewhere;
            index.deferPublishing(true);
            log.info("Bulk load into an empty cache: id indexes dropped until the listing ends");
            return true;
        });
    }

    /** Builds the indexes a bulk load dropped. */
    public CompletableFuture<Void> endBulkLoad() {
        return db.write(c -> {
            long t0 = System.nanoTime();
            bulkApplicationsElsewhere = null;
            index.deferPublishing(false);
            List<Long> millis = createIdIndexes(c);
            log.info("Bulk load done: id indexes built in {} ms (candidate, application: {} ms)",
                    (System.nanoTime() - t0) / 1_000_000, millis);
            return null;
        });
    }

    /** Builds the id indexes that are missing; returns the milliseconds each took. */
    private static List<Long> createIdIndexes(Connection c) throws SQLException {
        List<Long> millis = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String sql : ID_INDEXES) {
                long t0 = System.nanoTime();
                st.execute(sql);
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        return millis;
    }

    /**
     * As {@link #deleteCandidatesNotSeenSince(int)}, told which candidates the listing named: those were seen, so
     * only the others are looked at (usually none or a few) instead of reading every row to find them.
     */
    public CompletableFuture<Integer> deleteCandidatesNotSeenSince(int gen, Set<String> listed) {
        Set<String> named = Set.copyOf(listed);
        List<String> gone = new ArrayList<>();
        return db.write(c -> {
            for (List<String> chunk : chunks(index.idsOutside(named), 500)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM candidate WHERE seen_gen < ? AND id IN ("
                        + marks(chunk.size()) + ")")) {
                    ps.setInt(1, gen);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            gone.add(rs.getString(1));
                        }
                    }
                }
            }
            for (List<String> chunk : chunks(gone, 500)) {
                for (String t : List.of("application", "assessment_order", "candidate")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE "
                            + ("candidate".equals(t) ? "id" : "candidate_id") + " IN (" + marks(chunk.size()) + ")")) {
                        bindStrings(ps, chunk);
                        ps.executeUpdate();
                    }
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
        return readyIndex().count(text, kind);
    }

    /** Rows {@code offset .. offset+limit} of the filtered list, in (name key, id) order. See {@link #count}. */
    public List<CandidateRow> page(String text, OrderStatus.Kind kind, int offset, int limit) {
        return readyIndex().page(text, kind, offset, limit);
    }

    private boolean indexReady() {
        return indexLoaded.isDone() && !indexLoaded.isCompletedExceptionally();
    }

    private CandidateIndex readyIndex() {
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
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM candidate WHERE id=?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Candidate(rs.getString("id"), rs.getString("first_name"),
                            rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                            rs.getString("city"), rs.getString("country"), Sql.instant(rs, "created_on"),
                            Sql.instant(rs, "updated_on"), readApplications(c, id)));
                }
            }
        });
    }

    public List<ApplicationRef> applications(String candidateId) {
        return db.read(c -> readApplications(c, candidateId));
    }

    public Optional<ApplicationRef> application(String candidateId, String jobId) {
        return applications(candidateId).stream().filter(a -> a.jobId().equals(jobId)).findFirst();
    }

    private static List<ApplicationRef> readApplications(Connection c, String candidateId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM application WHERE candidate_id=? ORDER BY is_primary DESC, job_title, job_id")) {
            ps.setString(1, candidateId);
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

    /** Applications of the given candidates (orders are read per application). */
    public List<ApplicationRef> applicationsOf(Collection<String> candidateIds) {
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM application WHERE candidate_id IN (" + marks(candidateIds.size())
                            + ") ORDER BY candidate_id, job_id")) {
                bindStrings(ps, List.copyOf(candidateIds));
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

    /** Applications after {@code (candidateId, jobId)} in key order: a resumable walk over all of them. */
    public List<ApplicationRef> applicationsAfter(String candidateId, String jobId, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM application WHERE candidate_id > ? "
                    + "OR (candidate_id = ? AND job_id > ?) ORDER BY candidate_id, job_id LIMIT ?")) {
                ps.setString(1, candidateId);
                ps.setString(2, candidateId);
                ps.setString(3, jobId);
                ps.setInt(4, limit);
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

    // ---------------------------------------------------------------- jobs

    public CompletableFuture<Void> upsertJobs(List<Job> jobs) {
        List<Job> copy = List.copyOf(jobs);
        return db.write(c -> {
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
        return db.write(c -> {
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
        if (candidateIds.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE candidate k SET (latest_order_status, "
                + "latest_order_kind, latest_order_at) = (SELECT o.status, o.status_kind, o.created_on "
                + "FROM assessment_order o WHERE o.candidate_id = k.id "
                + "ORDER BY o.created_on DESC NULLS LAST, o.id DESC LIMIT 1) WHERE k.id = ?")) {
            for (String id : candidateIds) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<String> ids = List.copyOf(candidateIds);
        List<CandidateIndex.Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, latest_order_status, latest_order_kind "
                + "FROM candidate WHERE id IN (" + marks(ids.size()) + ")")) {
            bindStrings(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CandidateIndex.Row old = index.row(rs.getString(1));
                    if (old != null) {
                        rows.add(old.withOrder(orderStatus(rs.getString(2)), kind(rs.getString(3))));
                    }
                }
            }
        }
        return rows;
    }

    /** Shows a just-queued order in the People list before the server has it. */
    public CompletableFuture<Void> markSending(String candidateId, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE candidate SET latest_order_status='SENDING', "
                    + "latest_order_kind='SENDING', latest_order_at=? WHERE id=?")) {
                Sql.setInstant(ps, 1, at);
                ps.setString(2, candidateId);
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
        return db.write(c -> {
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
        return db.write(c -> {
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
        return db.write(c -> {
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
        return db.write(c -> {
            if (!ids.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_refresh WHERE candidate_id IN ("
                        + marks(ids.size()) + ")")) {
                    bindStrings(ps, ids);
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
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO sync_state (k, v) KEY (k) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Empties the cache (another account's data must never show under this one); the schema stays. */
    public CompletableFuture<Void> clearAll() {
        return db.write(c -> {
            try (var st = c.createStatement()) {
                for (String table : List.of("assessment_order", "application", "candidate", "job", "sync_state",
                        "assessment_package", "order_refresh")) {
                    st.executeUpdate("DELETE FROM " + table);
                }
            }
            return null;
        }, done -> index.reset(List.of()));
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
        if (indexReady()) {
            saveIndex();
        }
        db.close();
    }

    /** Saves the index for the next start (on the writer thread, after every queued write). Best effort. */
    private void saveIndex() {
        String token = java.util.UUID.randomUUID().toString();
        try {
            db.writeAndWait(c -> {
                try {
                    CandidateIndexFile.write(indexFile, token, index.rows());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO sync_state (k, v) KEY (k) VALUES (?, ?)")) {
                    ps.setString(1, INDEX_FILE_TOKEN);
                    ps.setString(2, token);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("The candidate index was not saved; the next start reads it from the cache", e);
        }
    }
}
