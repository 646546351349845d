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
        assertThat(printed).contains("warm-up: the first syncs in this JVM (1,000 candidates", "full sync (2,000 stored)",
                "incremental sync", "search as you type, p50",
                "search as you type, p95", "cache file size", "cold start to People painted", "peak memory",
                "longest pulse gap");
        if (ChildJvm.hasDisplay()) {
            assertThat(printed).doesNotContain("skipped");
        }
        assertThat(Files.readString(outFile)).contains("| figure").contains("full sync");
    }
}
