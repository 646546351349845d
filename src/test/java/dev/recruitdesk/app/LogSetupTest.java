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

    /** Found by the 100,000 bench: every SQL statement, with its parameters, went into the log at INFO. */
    @Test
    void theDatabasesStatementsStayOutOfTheLogButItsWarningsGetIn() throws Exception {
        LoggerContext ctx = context();
        LogSetup.configure(ctx, dir.toString());
        org.slf4j.Logger h2 = ctx.getLogger(LogSetup.H2_LOGGER);
        assertThat(h2.isInfoEnabled()).as("H2 formats statements only when INFO is on").isFalse();
        h2.info("/*SQL */INSERT INTO candidate VALUES ('ann@example.com')");
        h2.warn("database flush failed");
        ctx.stop();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(Files.readString(s.findFirst().orElseThrow())).contains("database flush failed")
                    .doesNotContain("ann@example.com");
        }
    }

    @Test
    void stepsAsideForTheTestsOwnConfiguration() {
        // logback-test.xml is on the test class path
        assertThat(new LogSetup().configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String perms(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static LoggerContext context() {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        ctx.start();
        return ctx;
    }

    /** QA finding 5: after the launcher's one plain line, a stray "Fatal" line followed on the console. */
    @Test
    void fileOnlyEventsStayOffTheConsoleButReachTheFile() throws Exception {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        LoggerContext ctx = context();
        try {
            System.setErr(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
            LogSetup.configure(ctx, dir.toString());
            ctx.getLogger("dev.recruitdesk.app.Launcher").error(org.slf4j.MarkerFactory.getMarker(LogSetup.FILE_ONLY),
                    "Fatal", new IllegalStateException("boom"));
            ctx.getLogger("dev.recruitdesk.Example").error("a plain error");
            ctx.stop();
        } finally {
            System.setErr(before);
        }
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualToIgnoringNewLines("a plain error");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(Files.readString(s.findFirst().orElseThrow())).contains("Fatal").contains("IllegalStateException: boom");
        }
    }

    /** QA findings 7 and 13: a per-user fallback folder and log files, both the owner's alone. */
    @Test
    void theFallbackFolderIsPerUserAndFilesAreOwnerOnly() throws Exception {
        String fallback = LogSetup.fallbackDir(dir.toString(), "ann/../x");
        assertThat(Path.of(fallback)).isEqualTo(dir.resolve("recruitdesk-logs-ann_.._x"));
        assertThat(LogSetup.fallbackDir(dir.toString(), "bob")).isEqualTo(dir.resolve("recruitdesk-logs-bob").toString());
        LoggerContext ctx = context();
        LogSetup.configure(ctx, fallback);
        ctx.getLogger("x").info("hello");
        ctx.stop();
        if (posix()) {
            assertThat(perms(Path.of(fallback))).isEqualTo("rwx------");
            try (Stream<Path> s = Files.list(Path.of(fallback))) {
                assertThat(perms(s.findFirst().orElseThrow())).isEqualTo("rw-------");
            }
        }
    }

    /** QA finding 7: a log folder that cannot be written costs one line, not logback's status dump. */
    @Test
    void anUnwritableLogFolderGivesOneLine() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        java.io.PrintStream before = System.err;
        java.io.PrintStream beforeOut = System.out;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        try {
            java.io.PrintStream capture = new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8);
            System.setErr(capture);
            System.setOut(capture);
            LoggerContext ctx = context();
            LogSetup.configure(ctx, notAFolder.toString());
            ctx.getLogger("x").error("still on the console");
            assertThat(ch.qos.logback.core.status.StatusUtil.contextHasStatusListener(ctx))
                    .as("a listener keeps logback from dumping its status list").isTrue();
            ctx.stop();
        } finally {
            System.setErr(before);
            System.setOut(beforeOut);
        }
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8).strip().lines())
                .containsExactly("recruitdesk: cannot write a log file in " + notAFolder + "; errors go to the console only",
                        "still on the console");
    }
}
