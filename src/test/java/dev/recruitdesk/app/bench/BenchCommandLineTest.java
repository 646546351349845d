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
}
