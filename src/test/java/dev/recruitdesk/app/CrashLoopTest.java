package dev.recruitdesk.app;

import dev.recruitdesk.api.ClientOptions;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.api.SmartRecruitersClient;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.service.AccountSettings;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.service.BackendOptions;
import dev.recruitdesk.service.MemorySecretStore;
import dev.recruitdesk.service.OrderRequest;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.OutboxEntry;
import dev.recruitdesk.store.OutboxStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 item 4: the {@code sync --send-queued} command in a child JVM, killed with SIGKILL at seeded random
 * moments while it lists, writes the cache and sends queued orders, then run once to the end. After every kill the
 * cache opens as it is (nothing set aside); the last run converges on the simulator's data; every queued order is
 * on the simulator exactly once and SENT in the outbox.
 * <p>
 * The 20-kill form is tagged {@code crashloop} (it takes a few minutes on a shared 2-core machine) and runs with
 * {@code mvn -B verify -Dsurefire.excludedGroups= -Dgroups=crashloop}; the default run has the 3-kill form.
 */
class CrashLoopTest {

    private static final Logger log = LoggerFactory.getLogger(CrashLoopTest.class);
    private static final int CANDIDATES = 500;
    private static final int ORDERS = 10;

    @TempDir
    Path work;

    /** Where a kill landed, read from the killed run's log (the sender runs beside the sync, so both can be true). */
    enum Landing { STARTING, LISTING_AND_WRITING, SENDING, AFTER_SYNC }

    @Test
    void threeKillsThenARunToTheEndLoseAndDoubleNothing() throws Exception {
        crashLoop(3, 42);
    }

    @Test
    @Tag("crashloop")
    void twentyKillsInARowThenARunToTheEndLoseAndDoubleNothing() throws Exception {
        crashLoop(20, 20_261_203);
    }

    private void crashLoop(int kills, long seed) throws Exception {
        long started = System.nanoTime();
        try (Simulator sim = Simulator.start(SimulatorConfig.builder().seed(7).candidates(CANDIDATES)
                .perEndpointRatePerSecond(4).partnerPace(Duration.ofHours(6)).integrationConnected(true).build())) {
            Path data = Files.createDirectories(work.resolve("data"));
            SmartRecruitersApi api = new SmartRecruitersClient(sim.baseUrl(), new Credentials.ApiKey(sim.apiKey()),
                    ClientOptions.builder().requestsPerSecond(0).build());
            List<Candidate> candidates = api.listCandidates(SmartRecruitersApi.CandidateListQuery.all(ORDERS + kills),
                    null).content();
            java.util.Iterator<Candidate> next = candidates.iterator();
            Map<String, Queued> queued = new LinkedHashMap<>();
            queueOrders(data, sim, api, take(next, ORDERS), queued);

            Random random = new Random(seed);
            Map<Landing, Integer> landings = new EnumMap<>(Landing.class);
            List<String> lines = new ArrayList<>();
            int done = 0;
            int lostAnswers = 0;
            // under load a short loop's kills may all land in start-up or after the sync: it goes on until one
            // landed mid-sync or mid-send (what the loop is for), within a bound
            for (int i = 1; done < kills || midSyncOrSend(landings) == 0; i++) {
                assertThat(i).as("runs needed to land %d kills, one mid-sync or mid-send", kills)
                        .isLessThanOrEqualTo(kills * 3 + 6);
                // A random phase to aim at, then a random moment inside it: the phases take very different times
                // (a JVM start is seconds on a loaded machine, a page a fraction), so uniform times would mostly hit
                // the start. Where the kill really landed is read from the run's log afterwards.
                Landing target = Landing.values()[random.nextInt(Landing.values().length)];
                long extra = (long) (random.nextDouble() * switch (target) {
                    case STARTING -> 3_000;
                    case AFTER_SYNC -> 300;
                    default -> 1_500;
                });
                if (target == Landing.SENDING && next.hasNext()) {
                    // one more order in the outbox, so this run has a send to be killed in (the first runs send
                    // the batch queued before the loop, and then the outbox is empty)
                    queueOrders(data, sim, api, take(next, 1), queued);
                }
                int unsentBefore = unsent(data, queued.keySet());
                Run run = runSync(sim, data, "run-" + i, new Kill(target, extra));
                int cached = cacheOpensAndCounts(data);
                if (!run.killed) {
                    assertThat(run.exitCode).as(run.output).isZero();
                    lines.add(String.format("run %d aimed at %s +%d ms finished before the kill", i, target, extra));
                    continue;
                }
                done++;
                List<Landing> where = landing(run.log, unsentBefore);
                where.forEach(l -> landings.merge(l, 1, Integer::sum));
                int acceptedUnmarked = acceptedButNotMarkedSent(data, api, queued);
                lostAnswers += acceptedUnmarked;
                String line = String.format(java.util.Locale.ROOT, "kill %d (run %d) aimed at %s +%d ms, landed %s after %d ms;"
                                + " the cache then opened with %d candidates; outbox unsent %d -> %d (of which the server"
                                + " already had %d)", done, i, target, extra,
                        where, run.millis, cached, unsentBefore, unsent(data, queued.keySet()), acceptedUnmarked);
                lines.add(line);
                System.out.println("CRASHLOOP " + line);
            }

            Run last = runSync(sim, data, "final", null);
            assertThat(last.exitCode).as(last.output).isZero();
            assertThat(last.output).contains("Synced from").contains("not sent: 0");

            assertThat(brokenCaches(data)).as("H2 recovered after every kill: no cache was set aside").isEmpty();
            assertSameCacheAsAFreshSync(sim, data);
            assertEveryQueuedOrderOnceAndSent(data, api, queued);

            String figures = String.format(java.util.Locale.ROOT, "CRASHLOOP %d kills (seed %d), landings %s, "
                            + "%d orders queued, orders the server had accepted while the outbox still waited after a kill"
                            + " (resent with their key): %d, final run %d ms, total %d s%n  %s", kills, seed, landings,
                    queued.size(), lostAnswers,
                    last.millis, (System.nanoTime() - started) / 1_000_000_000L, String.join("\n  ", lines));
            System.out.println(figures);
            log.info(figures);
            assertThat(midSyncOrSend(landings)).as("kills that landed mid-sync or mid-send").isPositive();
        }
    }

    private static int midSyncOrSend(Map<Landing, Integer> landings) {
        return landings.getOrDefault(Landing.LISTING_AND_WRITING, 0) + landings.getOrDefault(Landing.SENDING, 0);
    }

    private record Queued(String candidateId, String applicationId, String packageId, int ordersBefore) {
    }

    private static List<Candidate> take(java.util.Iterator<Candidate> it, int n) {
        List<Candidate> out = new ArrayList<>();
        while (out.size() < n && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** Orders into the outbox with the app's own service, while no sync runs; nothing is sent (no API key here). */
    private static void queueOrders(Path data, Simulator sim, SmartRecruitersApi api, List<Candidate> firsts,
                                    Map<String, Queued> out) throws Exception {
        Partner partner = api.partners().get(0);
        AssessmentPackage pkg = api.packages(partner.id()).get(0);
        int before = out.size();
        try (Backend b = Backend.open(data.resolve("account"), BackendOptions.of(a -> null)
                .withIntervals(Duration.ofHours(1), Duration.ofHours(1)).withSecretStore(new MemorySecretStore()))) {
            b.accountService().save(new AccountSettings(false, sim.baseUrl().toString(), AccountSettings.AuthMode.API_KEY,
                    null, sim.recruiterEmail()), sim.apiKey(), null);
            for (Candidate c : firsts) {
                ApplicationRef app = c.applications().get(0);
                String applicationId = api.application(c.id(), app.jobId()).applicationId();
                int existing = (int) api.orders(applicationId).stream().filter(o -> pkg.id().equals(o.packageId())).count();
                String key = b.orderService().queue(new OrderRequest(new ApplicationRef(c.id(), app.jobId(),
                        app.jobTitle(), null, null, null, true, null), partner, pkg)).idempotencyKey();
                out.put(key, new Queued(c.id(), applicationId, pkg.id(), existing));
            }
        }
        assertThat(out).hasSize(before + firsts.size());
    }

    private record Run(int exitCode, boolean killed, long millis, String output, String log) {
    }

    /** When to kill: {@code extraMillis} after the run's log shows it reached {@code phase}. */
    private record Kill(Landing phase, long extraMillis) {
    }

    /** One {@code sync --send-queued} in a child JVM; with a {@link Kill}, SIGKILL at that moment. */
    private Run runSync(Simulator sim, Path data, String name, Kill kill) throws Exception {
        Path logs = Files.createDirectories(work.resolve("logs").resolve(name));
        Path output = logs.resolve("output.txt");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // the app's own logging (LogSetup: a file per run), so without the tests' logback-test.xml, which
                // makes LogSetup step aside (there is no logback.xml any more for -Dlogback.configurationFile)
                "-cp", appClassPath(), "-Drecruitdesk.logdir=" + logs,
                Launcher.class.getName(), "sync", "--data-dir", data.toString(), "--sr-url", sim.baseUrl().toString(),
                "--send-queued");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("RECRUITDESK_API_KEY", sim.apiKey());
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean killed = false;
        if (kill != null) {
            String marker = switch (kill.phase()) {
                case STARTING -> null;
                case SENDING -> "Backend open on";
                case LISTING_AND_WRITING -> "Sync started";
                case AFTER_SYNC -> "Sync done";
            };
            while (marker != null && p.isAlive() && !logText(logs).contains(marker)) {
                Thread.sleep(10);
            }
            if (!p.waitFor(kill.extraMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly(); // SIGKILL on Linux
                killed = true;
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(name + " ended").isTrue();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(p.exitValue(), killed, millis, Files.readString(output, StandardCharsets.UTF_8), logText(logs));
    }

    private static String appClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes" + java.io.File.separator))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String logText(Path logs) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                b.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    private static List<Landing> landing(String log, int unsentBefore) {
        if (!log.contains("Backend open on")) {
            return List.of(Landing.STARTING);
        }
        List<Landing> out = new ArrayList<>();
        if (log.contains("Sync done")) {
            out.add(Landing.AFTER_SYNC);
        } else if (log.contains("Sync started")) {
            out.add(Landing.LISTING_AND_WRITING);
        }
        int sentNow = log.split(" sent as ", -1).length - 1;
        if (unsentBefore > 0 && sentNow < unsentBefore) {
            out.add(Landing.SENDING); // the sender had work left when the process died
        }
        return out.isEmpty() ? List.of(Landing.STARTING) : out;
    }

    /** The cache a killed run left opens (as the next start would open it); its candidate count, for the figures. */
    private static int cacheOpensAndCounts(Path data) {
        try (Database db = Database.open(data.resolve("account"), "cache", false)) {
            return db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM candidate")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
    }

    private static int unsent(Path data, java.util.Set<String> keys) {
        try (OutboxStore outbox = OutboxStore.open(data.resolve("account"))) {
            return (int) keys.stream().map(outbox::find).filter(e -> e.isEmpty()
                    || e.get().state() != OutboxEntry.State.SENT).count();
        }
    }

    /** Kills between the server's "accepted" and the outbox's SENT: the next run must not order these again. */
    private static int acceptedButNotMarkedSent(Path data, SmartRecruitersApi api, Map<String, Queued> queued)
            throws Exception {
        int n = 0;
        try (OutboxStore outbox = OutboxStore.open(data.resolve("account"))) {
            for (Map.Entry<String, Queued> e : queued.entrySet()) {
                Optional<OutboxEntry> row = outbox.find(e.getKey());
                Queued q = e.getValue();
                if (row.isPresent() && row.get().state() != OutboxEntry.State.SENT && api.orders(q.applicationId())
                        .stream().filter(o -> q.packageId().equals(o.packageId())).count() > q.ordersBefore()) {
                    n++;
                }
            }
        }
        return n;
    }

    private static List<Path> brokenCaches(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("account"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("cache-broken-")).toList();
        }
    }

    private static void assertEveryQueuedOrderOnceAndSent(Path data, SmartRecruitersApi api, Map<String, Queued> queued)
            throws Exception {
        try (OutboxStore outbox = OutboxStore.open(data.resolve("account"))) {
            assertThat(outbox.pending()).as("nothing left waiting").isEmpty();
            for (Map.Entry<String, Queued> e : queued.entrySet()) {
                Optional<OutboxEntry> row = outbox.find(e.getKey());
                assertThat(row).as("outbox row " + e.getKey()).isPresent();
                assertThat(row.get().state()).isEqualTo(OutboxEntry.State.SENT);
                Queued q = e.getValue();
                long now = api.orders(q.applicationId()).stream().filter(o -> q.packageId().equals(o.packageId())).count();
                assertThat(now).as("orders of %s's application for the package", q.candidateId())
                        .isEqualTo(q.ordersBefore() + 1L);
                assertThat(api.orders(q.applicationId())).as("the outbox's server id is the one order")
                        .anyMatch(o -> o.id().equals(row.get().serverId()));
            }
        }
    }

    /** The crashed-and-resumed cache against one synced into a fresh folder from the same simulator, row by row. */
    private void assertSameCacheAsAFreshSync(Simulator sim, Path data) throws Exception {
        Path fresh = Files.createDirectories(work.resolve("reference"));
        try (Backend b = Backend.open(fresh, BackendOptions.of(a -> new SmartRecruitersClient(sim.baseUrl(),
                        new Credentials.ApiKey(sim.apiKey()), ClientOptions.builder().requestsPerSecond(0).build()))
                .withIntervals(Duration.ofHours(1), Duration.ofHours(1)).withSecretStore(new MemorySecretStore()))) {
            b.accountService().save(new AccountSettings(false, sim.baseUrl().toString(), AccountSettings.AuthMode.API_KEY,
                    null, sim.recruiterEmail()), sim.apiKey(), null);
            assertThat(b.syncService().syncOnce().complete()).isTrue();
        }
        // What the sync itself writes; left out: seen_gen (one per full sync), the latest-order columns and the
        // application UUID (the order sends and the background order walk fill them, at their own pace).
        Map<String, String> tables = Map.of(
                "candidate", "SELECT id, first_name, last_name, email, phone, city, country, name_key, email_key, "
                        + "jobs_text, app_status, created_on, updated_on FROM candidate ORDER BY id",
                "application", "SELECT candidate_id, job_id, job_title, status, sub_status, is_primary, starts_on "
                        + "FROM application ORDER BY candidate_id, job_id",
                "job", "SELECT * FROM job ORDER BY id");
        for (Map.Entry<String, String> t : tables.entrySet()) {
            List<List<Object>> expected = rows(fresh, t.getValue());
            List<List<Object>> actual = rows(data.resolve("account"), t.getValue());
            assertThat(actual).as(t.getKey() + " rows").hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as(t.getKey() + " row " + i).isEqualTo(expected.get(i));
            }
        }
        assertThat(rows(data.resolve("account"), tables.get("candidate"))).hasSize(CANDIDATES);
    }

    /*
     * Seen once in a full run: "Timeout trying to lock table" on this read right after the reference backend closed.
     * Not understood yet (see the closing note); the comparison is tried again rather than lost to it.
     */
    private static List<List<Object>> rows(Path dir, String sql) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return rowsOnce(dir, sql);
            } catch (dev.recruitdesk.store.StoreException e) {
                log.warn("CRASHLOOP reading {} failed (attempt {}): {}; {}", dir, attempt, e.getCause(), lockReport(dir));
                if (attempt == 3) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Who holds what in the database, and what this JVM's threads are doing: for a lock timeout seen once. */
    private static String lockReport(Path dir) {
        StringBuilder out = new StringBuilder();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                dev.recruitdesk.store.H2Urls.file(dir, "cache", false), "sa", "");
             Statement st = c.createStatement()) {
            for (String sql : List.of("SELECT * FROM INFORMATION_SCHEMA.LOCKS", "SELECT SESSION_ID, EXECUTING_STATEMENT, "
                    + "ISOLATION_LEVEL, SESSION_START, STATE, BLOCKER_ID FROM INFORMATION_SCHEMA.SESSIONS")) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        out.append("\n  ");
                        for (int i = 1; i <= n; i++) {
                            out.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            out.append("\n  (locks not readable: ").append(e.getMessage()).append(')');
        }
        Thread.getAllStackTraces().forEach((t, stack) -> {
            out.append("\n  thread ").append(t.getName()).append(' ').append(t.getState());
            for (int i = 0; i < Math.min(stack.length, 12); i++) {
                out.append("\n    at ").append(stack[i]);
            }
        });
        return out.toString();
    }

    private static List<List<Object>> rowsOnce(Path dir, String sql) {
        try (Database db = Database.open(dir, "cache", false)) {
            return db.read(c -> {
                List<List<Object>> out = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getObject(i));
                        }
                        out.add(row);
                    }
                }
                return out;
            });
        }
    }
}
