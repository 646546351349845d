package dev.recruitdesk.app.bench;

import dev.recruitdesk.app.Command;
import dev.recruitdesk.app.CommandLine;
import dev.recruitdesk.app.UsageException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandLineTest {

    @Test
    void benchDefaultsToHundredThousandCandidates() throws Exception {
        assertThat(CommandLine.parse(new String[]{"bench"}, Map.of()))
                .isEqualTo(new Command.RunBench(100_000, null));
    }

    @Test
    void benchTakesCandidatesAndOut() throws Exception {
        Command c = CommandLine.parse(new String[]{"bench", "--candidates", "5000", "--out", "figures.txt"}, Map.of());
        assertThat(c).isInstanceOf(Command.RunBench.class);
        assertThat(((Command.RunBench) c).candidates()).isEqualTo(5000);
        assertThat(((Command.RunBench) c).out().getFileName().toString()).isEqualTo("figures.txt");
    }

    @Test
    void benchRefusesANonNumberOrATinyCount() {
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"bench", "--candidates", "many"}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"bench", "--candidates", "5"}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("between");
    }

    /** QA finding 4: a bad --out used to fail only after the whole bench had run. */
    @Test
    void benchChecksOutBeforeMeasuring(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"bench", "--out", dir.resolve("missing/x.txt").toString()}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"bench", "--out", dir.toString()}, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("is a folder");
        assertThat(CommandLine.parse(new String[]{"bench", "--out", dir.resolve("x.txt").toString()}, Map.of()))
                .isEqualTo(new Command.RunBench(100_000, dir.resolve("x.txt")));
    }
}
