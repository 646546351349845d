package dev.recruitdesk.app.bench;

import dev.recruitdesk.app.JvmOptions;
import dev.recruitdesk.service.Backend;
import dev.recruitdesk.simulator.Simulator;
import dev.recruitdesk.simulator.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bench}: starts its own simulator (rate limit off, client pacing off), measures every figure against a
 * baseline taken in the same run, and prints the table. The display-bound rows (cold start, smoothness, memory) run
 * in child JVMs and are skipped when there is no display.
 */
public final class BenchCommand {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);
    static final int DEFAULT_COLD_START_RUNS = 3;
    static final double TOUCHED = 0.01;
    /** The smoothness figure samples the first part of a full sync: a 100,000-candidate one can take many minutes. */
    static final Duration SMOOTHNESS_SAMPLE = Duration.ofSeconds(90);

    /** {@code out} null = print only; {@code coldStartRuns}: child JVMs started per side of the cold-start figure. */
    public record Options(int candidates, Path out, int coldStartRuns) {

        public Options(int candidates, Path out) {
            this(candidates, out, DEFAULT_COLD_START_RUNS);
        }
    }

    /** -Drecruitdesk.bench.onlySmoothness=true: the two smoothness runs alone (experiments on the collector). */
    private static final String ONLY_SMOOTHNESS = "recruitdesk.bench.onlySmoothness";

    private BenchCommand() {
    }

    /**
     * Runs the bench in {@code workDir} (created if needed); returns the exit code. Whatever happens, the caches and
     * the class-data archive it made there are deleted afterwards (at 100,000 candidates a few hundred MB); its logs
     * stay.
     */
    public static int run(Options o, Path workDir, PrintStream out, PrintStream err) throws Exception {
        if (Boolean.getBoolean(ONLY_SMOOTHNESS) && !ChildJvm.hasDisplay()) {
            err.println("recruitdesk: -Drecruitdesk.bench.onlySmoothness=true needs a display: run the bench under "
                    + "xvfb-run -a");
            return 2;
        }
        try {
            return measure(o, workDir, out, err);
        } finally {
            // -Drecruitdesk.bench.keepCache=true: the 100,000-candidate cache stays for experiments on the window
            // children (started by hand on it)
            if (!Boolean.getBoolean("recruitdesk.bench.keepCache")) {
                deleteTree(workDir.resolve("cache"));
            }
            deleteTree(workDir.resolve("cache-warm-up"));
            for (int i = 0; i < SyncBench.ROUNDS; i++) {
                deleteTree(workDir.resolve("cache-round-" + i));
            }
            deleteTree(workDir.resolve("smooth"));
            Files.deleteIfExists(workDir.resolve("recruitdesk.jsa"));
        }
    }

    private static int measure(Options o, Path workDir, PrintStream out, PrintStream err) throws Exception {
        FigureTable table = new FigureTable(f -> out.println("    " + f.name() + ": " + f.value()));
        String machine = Machine.describe();
        out.println("RecruitDesk bench: " + String.format(Locale.ROOT, "%,d", o.candidates()) + " candidates on " + machine);
        boolean ok = true;
        boolean windowsFailed = false;
        long t0 = System.nanoTime();
        SimulatorConfig config = SimulatorConfig.builder().port(0).seed(42).candidates(o.candidates())
                .rateLimit(false).partnerPace(Duration.ofHours(1)).build();
        try (Simulator sim = Simulator.start(config)) {
            table.add(Figure.info("simulator start (generates the data)", ms(System.nanoTime() - t0)));
            // the sync and search figures come from this JVM, so they show the app only if it starts as the app does
            table.add(Figure.info("this JVM (full and incremental sync, search) runs with", ownJvmOptions()));
            BenchAccount account = new BenchAccount(sim.baseUrl(), sim.apiKey());
            Path cacheDir = Files.createDirectories(workDir.resolve("cache"));

            if (Boolean.getBoolean(ONLY_SMOOTHNESS)) {
                table.add(Figure.info("window child JVMs run with (jvm.options)", String.join(" ", ChildJvm.childOptions())));
                progress(out, "smoothness");
                boolean windows = smoothness(table, workDir, account, true);
                windows &= smoothness(table, workDir, account, false);
                return finish(o, table, machine, workDir, windows, !windows, out, err);
            }
            progress(out, "sync");
            SyncBench.Result s = SyncBench.run(sim, account, cacheDir, TOUCHED);
            table.add(Figure.info("warm-up: the first syncs in this JVM (" + String.format(Locale.ROOT, "%,d",
                    s.warmUp().candidates()) + " candidates, a simulator of their own)", "full " + ms(s.warmUp().fullNanos())
                    + ", incremental " + ms(s.warmUp().incrementalNanos())));
            SyncBench.Round m = s.median();
            double fullRatio = m.ratio();
            String rounds = s.rounds().stream().map(r -> ratio(r.ratio())).collect(java.util.stream.Collectors.joining(", "));
            table.add(new Figure("full sync (" + String.format(Locale.ROOT, "%,d", s.full().candidatesStored())
                    + " stored; median of " + s.rounds().size() + " rounds: " + rounds + ")",
                    ms(m.fullNanos()), ms((long) m.baselineNanos()) + " listing only", ratio(fullRatio), "<= 1.30",
                    s.allComplete() && fullRatio <= 1.3));
            if (m.fullCpuNanos() >= 0 && m.baselineCpuNanos() > 0) {
                table.add(new Figure("  its CPU time, all threads (same round)",
                        ms(m.fullCpuNanos()), ms((long) m.baselineCpuNanos()) + " listing only",
                        ratio(m.fullCpuNanos() / m.baselineCpuNanos()), "-", null));
            }
            double incShare = s.incrementalNanos() / (double) m.fullNanos();
            table.add(new Figure("incremental sync (" + String.format(Locale.ROOT, "%,d", s.incremental().candidatesFetched())
                    + " changed, " + s.incremental().ordersFetched() + " orders)", ms(s.incrementalNanos()),
                    ms(m.fullNanos()) + " full sync", percent(incShare), "<= 5 %", s.incremental().complete() && incShare <= 0.05));
            ok &= s.allComplete() && s.incremental().complete();

            progress(out, "search");
            try (Backend b = BenchAccount.openExisting(cacheDir)) {
                var q = b.candidateQueries();
                SearchBench.Result r = SearchBench.run(q, SearchBench.keystrokes(q, 12, 7));
                double p95 = r.percentileMillis(95);
                table.add(new Figure("search as you type, p50 (" + r.keystrokes() + " keystrokes: count + first "
                        + SearchBench.FIRST_PAGE + " rows)", millis(r.percentileMillis(50)), "-", "-", "-", null));
                table.add(new Figure("search as you type, p95", millis(p95), "-", "-", "<= 30 ms", p95 <= 30));
                table.add(Figure.info("search as you type, slowest", r.slowest()));
            }
            table.add(Figure.info("cache file size", mb(folderBytes(cacheDir))));

            if (!ChildJvm.hasDisplay()) {
                table.add(Figure.skipped("cold start to People painted", "<= 2.0 x", "no display"));
                table.add(Figure.skipped("peak memory, People open", "<= 400 MB", "no display"));
                table.add(Figure.skipped("longest pulse gap, full sync + scrolling", "<= 100 ms", "no display"));
            } else {
                // Both sides of the cold-start ratio, and the other window figures, run with the app's own options.
                table.add(Figure.info("window child JVMs run with (jvm.options)", String.join(" ", ChildJvm.childOptions())));
                // -Drecruitdesk.bench.noClassArchive=true: the children start without one (as before scripts/run.sh
                // made one)
                if (!Boolean.getBoolean("recruitdesk.bench.noClassArchive")) {
                    progress(out, "class-data archive");
                    Path archive = workDir.resolve("recruitdesk.jsa");
                    boolean trained = ChildJvm.trainClassArchive(workDir.resolve("logs"), cacheDir, archive);
                    windowsFailed |= !trained;
                    table.add(Figure.info("window children start with a class-data archive (AppCDS, as scripts/run.sh)",
                            trained ? "yes, trained on one People start: " + mb(Files.size(archive))
                                    : "no: making it failed (see the log)"));
                }
                progress(out, "cold start");
                boolean started = coldStart(table, workDir, cacheDir, Math.max(1, o.coldStartRuns()));
                windowsFailed |= !started;
                ok &= started;
                // -Drecruitdesk.bench.noSmoothness=true: quicker experiments on the other figures
                if (!Boolean.getBoolean("recruitdesk.bench.noSmoothness")) {
                    progress(out, "smoothness");
                    // the goal's case: against SmartRecruiters a full listing runs at its pace (10 requests a
                    // second, 100,000 candidates in 100 s or more), which the app's client keeps to; then the same
                    // sync flat out
                    boolean smooth = smoothness(table, workDir, account, true);
                    smooth &= smoothness(table, workDir, account, false);
                    windowsFailed |= !smooth;
                    ok &= smooth;
                }
            }
        }
        return finish(o, table, machine, workDir, ok, windowsFailed, out, err);
    }

    private static int finish(Options o, FigureTable table, String machine, Path workDir, boolean ok,
                              boolean windowsFailed, PrintStream out, PrintStream err) throws IOException {
        String rendered = table.render();
        out.println();
        out.print(rendered);
        if (o.out() != null) {
            Files.writeString(o.out(), "RecruitDesk bench, " + Instant.now() + ", "
                    + String.format(Locale.ROOT, "%,d", o.candidates()) + " candidates on " + machine
                    + System.lineSeparator() + System.lineSeparator() + rendered, StandardCharsets.UTF_8);
        }
        if (!ok) {
            // a DISPLAY that is set but cannot be opened fails every window child the same way
            String windows = windowsFailed ? " (the window children failed: can the display "
                    + System.getenv().getOrDefault("DISPLAY", "") + " be opened?)" : "";
            err.println("recruitdesk: some part of the bench did not finish" + windows + "; see the log in "
                    + workDir.resolve("logs"));
            return 1;
        }
        // found by a fresh user's trial: the logs stayed behind and nothing said where
        out.println("The logs of this run (the bench's and each window child's): " + workDir.resolve("logs"));
        return 0;
    }

    private static boolean coldStart(FigureTable table, Path workDir, Path cacheDir, int runs) throws Exception {
        List<Long> minimal = new ArrayList<>();
        List<Long> people = new ArrayList<>();
        long peakKb = -1;
        boolean ok = true;
        // Alternated, so a change in the machine's load hits both sides alike; the median of each side is kept.
        for (int i = 0; i < runs; i++) {
            ChildJvm.Run m = ChildJvm.run(workDir.resolve("logs"), List.of("minimal"), Map.of(), 120);
            ChildJvm.Run p = ChildJvm.run(workDir.resolve("logs"), List.of("people", cacheDir.toString()), Map.of(), 180);
            ok &= m.millis("painted") > 0 && p.millis("painted") > 0;
            if (m.millis("painted") > 0) {
                minimal.add(m.millis("painted") - m.startedMillis());
            }
            if (p.millis("painted") > 0) {
                people.add(p.millis("painted") - p.startedMillis());
            }
            peakKb = Math.max(peakKb, p.millis("peakRssKb"));
        }
        if (minimal.isEmpty() || people.isEmpty()) {
            table.add(Figure.skipped("cold start to People painted", "<= 2.0 x", "a probe failed"));
        } else {
            long mMs = median(minimal);
            long pMs = median(people);
            double r = pMs / (double) mMs;
            table.add(new Figure("cold start to People painted (median of " + people.size() + ")", pMs + " ms",
                    mMs + " ms minimal window", ratio(r), "<= 2.0 x", r <= 2.0));
        }
        table.add(peakKb > 0 ? new Figure("peak memory (VmHWM), People open and scrolled", mb(peakKb * 1024), "-", "-",
                "<= 400 MB", peakKb * 1024 <= 400L * 1024 * 1024) : Figure.skipped("peak memory", "<= 400 MB", "not measured"));
        return ok;
    }

    private static boolean smoothness(FigureTable table, Path workDir, BenchAccount account, boolean paced)
            throws Exception {
        Path dir = workDir.resolve("smooth");
        deleteTree(dir);
        Files.createDirectories(dir);
        account.open(dir).close();
        List<String> args = new ArrayList<>(List.of("smooth", dir.toString(), Long.toString(SMOOTHNESS_SAMPLE.toMillis())));
        if (paced) {
            args.add("paced");
        }
        ChildJvm.Run r = ChildJvm.run(workDir.resolve("logs"), args, Map.of(), 600);
        String what = paced ? "full sync at SmartRecruiters' pace (10 pages/s)" : "full sync flat out (no pacing)";
        String gap = r.values().get("maxGapMs");
        if (gap == null) {
            table.add(Figure.skipped("longest pulse gap, " + what, paced ? "<= 100 ms" : "-", "the probe failed"));
            return false;
        }
        double g = Double.parseDouble(gap);
        LOG.info("Smoothness ({}): longest pulse gap {} ms, ending at {}; the child's log and any profile show what ran",
                what, gap, r.values().get("maxGapEnd"));
        String label = "longest pulse gap, " + what + " + People scrolling (" + r.values().get("pulses")
                + " pulses in " + r.values().get("measuredMs") + " ms, p99 " + r.values().get("p99GapMs") + " ms)";
        table.add(paced ? new Figure(label, gap + " ms", "-", "-", "<= 100 ms", g <= 100) : Figure.info(label, gap + " ms"));
        table.add(Figure.info("  meanwhile the sync stored", r.values().get("syncDone") + " of " + r.values().get("syncTotal")
                + " candidates; peak memory " + mb(Long.parseLong(r.values().getOrDefault("peakRssKb", "0")) * 1024)));
        return true;
    }

    private static void progress(PrintStream out, String part) {
        out.println("  measuring " + part + " ...");
        LOG.info("Bench: {}", part);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f x", r);
    }

    static String percent(double r) {
        return String.format(Locale.ROOT, "%.1f %%", r * 100);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("cache"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** This JVM's -X options, with a reminder when its compiler setting is not the app's (jvm.options). */
    static String ownJvmOptions() {
        List<String> own = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList();
        String text = own.isEmpty() ? "the JVM's defaults" : String.join(" ", own);
        return JvmOptions.load().stream().filter(a -> a.startsWith("-XX:TieredStopAtLevel")).filter(a -> !own.contains(a))
                .findFirst().map(a -> text + " (not the app's " + a + ": see README)").orElse(text);
    }

    static void deleteTree(Path dir) throws IOException {
        dev.recruitdesk.app.DataFolders.deleteTree(dir);
    }
}
