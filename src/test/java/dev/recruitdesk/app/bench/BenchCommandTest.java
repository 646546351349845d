package dev.recruitdesk.app.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick form of {@code bench}: it runs and prints every row. No timing is asserted (the machine decides those).
 * Under surefire the window rows run in child JVMs on headless Monocle, which this class path carries.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void quickBenchPrintsEveryFigure() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Path outFile = dir.resolve("bench.txt");
        int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            code = BenchCommand.run(new BenchCommand.Options(2_000, outFile, 1), dir.resolve("work"), out, err);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + errBytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("warm-up: the first syncs in this JVM (1,000 candidates", "full sync (2,000 stored; median of 3 rounds: ", "its CPU time",
                "incremental sync", "search as you type, p50",
                "search as you type, p95", "cache file size", "cold start to People painted", "peak memory",
                "longest pulse gap", "The logs of this run",
                // the test JVM does not start as the app does: the row says so
                "this JVM (full and incremental sync, search) runs with", "(not the app's -XX:TieredStopAtLevel=1");
        if (ChildJvm.hasDisplay()) {
            assertThat(printed).doesNotContain("skipped");
        }
        assertThat(Files.readString(outFile)).contains("| figure").contains("full sync");
    }

    /**
     * A fresh user's trial: with a display that could not be opened every window child failed, the bench said only
     * "see the log", and its caches and class-data archive stayed behind. Here the children fail to start at all
     * (an option no JVM knows), which fails them the same way.
     */
    @Test
    void whenTheWindowChildrenFailTheBenchSaysSoAndLeavesNoCacheBehind() throws Exception {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        Path work = dir.resolve("work");
        int code;
        String before = System.getProperty("recruitdesk.bench.childOptions");
        System.setProperty("recruitdesk.bench.childOptions", "-XX:+NoSuchOptionForThisTest");
        try (PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            code = BenchCommand.run(new BenchCommand.Options(1_000, null, 1), work, out, err);
        } finally {
            if (before == null) {
                System.clearProperty("recruitdesk.bench.childOptions");
            } else {
                System.setProperty("recruitdesk.bench.childOptions", before);
            }
        }
        String said = errBytes.toString(StandardCharsets.UTF_8);
        if (!ChildJvm.hasDisplay()) {
            assertThat(code).as(said).isZero(); // no window children to fail
            return;
        }
        assertThat(code).isEqualTo(1);
        assertThat(said).contains("the window children failed").contains("see the log in");
        try (var left = Files.list(work)) {
            // the children's logs folder only if one of them got far enough to write to it
            assertThat(left.map(p -> p.getFileName().toString())).isSubsetOf("logs");
        }
    }
}
