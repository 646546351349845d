package dev.recruitdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    private static Command parse(String... args) throws UsageException {
        return CommandLine.parse(args, Map.of());
    }

    @Test
    void noArgumentsStartsTheAppWithoutAnAccount() throws Exception {
        assertThat(parse()).isEqualTo(new Command.RunApp(null, null, null));
    }

    @Test
    void appWithAccountAndDataDir() throws Exception {
        Command c = parse("--data-dir", "/tmp/rd", "--sr-url", "https://api.smartrecruiters.com/", "--api-key", " abc123\n");
        assertThat(c).isInstanceOf(Command.RunApp.class);
        Command.RunApp run = (Command.RunApp) c;
        assertThat(run.dataDir()).isEqualTo(Path.of("/tmp/rd"));
        assertThat(run.srUrl().toString()).isEqualTo("https://api.smartrecruiters.com");
        assertThat(run.apiKey()).isEqualTo("abc123");
        assertThat(run.toString()).doesNotContain("abc123");
    }

    @Test
    void equalsFormIsAccepted() throws Exception {
        Command c = parse("screenshots", "--out=/tmp/shots");
        assertThat(c).isEqualTo(new Command.RunScreenshots(Path.of("/tmp/shots"), null));
    }

    @Test
    void apiKeyFromEnvironment() throws Exception {
        Command c = CommandLine.parse(new String[]{"sync", "--data-dir", "/tmp/d", "--sr-url", "http://127.0.0.1:9"},
                Map.of("RECRUITDESK_API_KEY", "k-1"));
        assertThat(((Command.RunSync) c).apiKey()).isEqualTo("k-1");
    }

    @Test
    void syncSendsQueuedOrdersOnlyWhenAsked() throws Exception {
        Map<String, String> env = Map.of("RECRUITDESK_API_KEY", "k-1");
        Command plain = CommandLine.parse(new String[]{"sync", "--data-dir", "/tmp/d", "--sr-url", "http://127.0.0.1:9"}, env);
        Command sending = CommandLine.parse(new String[]{"sync", "--data-dir", "/tmp/d", "--sr-url", "http://127.0.0.1:9",
                "--send-queued"}, env);
        assertThat(((Command.RunSync) plain).sendQueued()).isFalse();
        assertThat(((Command.RunSync) sending).sendQueued()).isTrue();
        assertThat(CommandLine.USAGE).contains("--send-queued").contains("Exit codes").contains("3 the data folder is open");
    }

    @Test
    void simulatorArgumentsPassThrough() throws Exception {
        Command c = parse("simulator", "--port", "8080", "--seed", "7");
        assertThat(((Command.RunSimulator) c).args()).containsExactly("--port", "8080", "--seed", "7");
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of(new String[]{"--bogus"}, "unknown option --bogus"),
                Arguments.of(new String[]{"frobnicate"}, "unknown command 'frobnicate'"),
                Arguments.of(new String[]{"--data-dir"}, "--data-dir needs a value"),
                Arguments.of(new String[]{"--data-dir", ""}, "--data-dir is empty"),
                Arguments.of(new String[]{"--sr-url", "https://x.example"}, "--sr-url needs --api-key"),
                Arguments.of(new String[]{"--api-key", "k"}, "--api-key needs --sr-url"),
                Arguments.of(new String[]{"--sr-url", "http://api.example.com", "--api-key", "k"}, "Use https://"),
                Arguments.of(new String[]{"--sr-url", "ftp://x", "--api-key", "k"}, "--sr-url"),
                Arguments.of(new String[]{"--sr-url", "https://x.example", "--api-key", "   "}, "--api-key is empty"),
                Arguments.of(new String[]{"--sr-url", "https://x.example", "--api-key", "ключ"}, "characters an API key cannot have"),
                Arguments.of(new String[]{"sync", "--sr-url", "https://x.example", "--api-key", "k"}, "sync needs --data-dir"),
                Arguments.of(new String[]{"sync", "--data-dir", "/tmp/x", "--api-key", "k"}, "sync needs --sr-url"),
                Arguments.of(new String[]{"sync", "--data-dir", "/tmp/x", "--sr-url", "https://x.example"}, "sync needs --api-key"),
                Arguments.of(new String[]{"screenshots"}, "screenshots needs --out"),
                Arguments.of(new String[]{"screenshots", "--out", "/a", "--out", "/b"}, "--out given twice"),
                Arguments.of(new String[]{"--data-dir", "/tmp/a\u0000b"}, "control characters"),
                Arguments.of(new String[]{"x".repeat(10_000)}, "longer than"),
                Arguments.of(new String[]{"--data-dir", "/tmp/x", "stray"}, "unexpected argument 'stray'"),
                // a fresh user's trial: a number too large for an int read "must be a whole number"
                Arguments.of(new String[]{"bench", "--candidates", "99999999999"}, "between 100 and 1000000"),
                Arguments.of(new String[]{"bench", "--candidates", "2147483648"}, "between 100 and 1000000"),
                Arguments.of(new String[]{"bench", "--candidates", "-5"}, "between 100 and 1000000"),
                Arguments.of(new String[]{"bench", "--candidates", "100,000"}, "without separators"),
                Arguments.of(new String[]{"bench", "--candidates", "abc"}, "whole number"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void badInputEndsWithOneLineMessage(String[] args, String expected) {
        assertThatThrownBy(() -> CommandLine.parse(args, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void keyIsNeverEchoedInAnError() {
        assertThatThrownBy(() -> parse("--sr-url", "https://x.example", "--api-key", "sekrit ключ"))
                .hasMessageNotContaining("sekrit");
    }

    @Test
    void anExistingFolderKeepsItsPermissions(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // found by a first-use test: --data-dir on a shared folder (1777) made it owner-only
        Path shared = java.nio.file.Files.createDirectory(tmp.resolve("shared"));
        var open = java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx");
        java.nio.file.Files.setPosixFilePermissions(shared, open);
        DataFolders.ensure(shared);
        assertThat(java.nio.file.Files.getPosixFilePermissions(shared)).isEqualTo(open);

        Path fresh = DataFolders.ensure(shared.resolve("a/b"));
        assertThat(java.nio.file.Files.getPosixFilePermissions(fresh))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(java.nio.file.Files.getPosixFilePermissions(shared.resolve("a")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFileInTheWayIsSaidPlainly(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = java.nio.file.Files.writeString(tmp.resolve("file"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataFolders.ensure(file))
                .hasMessageContaining("is a file, not a folder");
    }

    @Test
    void dataFolderFollowsThePlatform() {
        assertThat(DataFolders.defaultDataDir(Map.of(), "Linux", "/home/ana"))
                .isEqualTo(Path.of("/home/ana/.local/share/recruitdesk"));
        assertThat(DataFolders.defaultDataDir(Map.of("XDG_DATA_HOME", "/data/x"), "Linux", "/home/ana"))
                .isEqualTo(Path.of("/data/x/recruitdesk"));
        assertThat(DataFolders.defaultDataDir(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/ana"))
                .isEqualTo(Path.of("/home/ana/.local/share/recruitdesk"));
        assertThat(DataFolders.defaultDataDir(Map.of(), "Mac OS X", "/Users/ana"))
                .isEqualTo(Path.of("/Users/ana/Library/Application Support/RecruitDesk"));
    }

    @Test
    void benchTakesACandidateCountInItsRange() throws Exception {
        assertThat(parse("bench", "--candidates", "100")).isEqualTo(new Command.RunBench(100, null));
        assertThat(parse("bench", "--candidates", "1000000")).isEqualTo(new Command.RunBench(1_000_000, null));
        assertThat(parse("bench")).isEqualTo(new Command.RunBench(100_000, null));
    }

    /** QA finding 10: help after a subcommand prints the usage instead of "unknown option --help". */
    @Test
    void helpAfterASubcommandShowsTheUsage() throws Exception {
        assertThat(parse("sync", "--help")).isEqualTo(new Command.ShowHelp());
        assertThat(parse("bench", "--help")).isEqualTo(new Command.ShowHelp());
        assertThat(parse("screenshots", "-h")).isEqualTo(new Command.ShowHelp());
        assertThat(parse("bench", "--candidates", "500", "--help")).isEqualTo(new Command.ShowHelp());
    }

    /** QA finding 6: a ';' in --data-dir was refused only after account/ and logs/ had been created (exit 1). */
    @Test
    void aDataDirWithASemicolonIsABadCommandLine(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path bad = dir.resolve("a;INIT=x");
        for (String[] args : java.util.List.of(new String[]{"--data-dir", bad.toString()},
                new String[]{"sync", "--data-dir", bad.toString(), "--sr-url", "http://127.0.0.1:9", "--api-key", "k"},
                new String[]{"screenshots", "--out", dir.toString(), "--data-dir", bad.toString()})) {
            assertThatThrownBy(() -> CommandLine.parse(args, Map.of())).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--data-dir contains ';'");
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Launcher.run(new String[]{"sync", "--data-dir", bad.toString(), "--sr-url", "http://127.0.0.1:9",
                "--api-key", "k"}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(bad).doesNotExist();
    }
}
