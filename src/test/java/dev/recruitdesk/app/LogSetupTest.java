package dev.recruitdesk.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LogSetupTest {

    @TempDir
    Path dir;

    @Test
    void writesOneFilePerLaunchInTheLogFolderWithLevelThreadAndLogger() throws Exception {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // what logback's own start-up sets
        ctx.start();
        LogSetup.configure(ctx, dir.toString());
        ctx.getLogger("dev.recruitdesk.Example").info("hello {}", "there");
        ctx.getLogger("org.flywaydb.core.Flyway").info("chatter that stays out");
        ctx.stop();

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertThat(files).singleElement().satisfies(f ->
                assertThat(f.getFileName().toString()).matches("recruitdesk-\\d{8}-\\d{6}\\.log"));
        String text = Files.readString(files.get(0));
        assertThat(text).containsPattern("INFO  \\[.+\\] dev\\.recruitdesk\\.Example - hello there")
                .doesNotContain("chatter");
    }

    @Test
    void stepsAsideForTheTestsOwnConfiguration() {
        // logback-test.xml is on the test class path
        assertThat(new LogSetup().configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }
}
