package dev.recruitdesk.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 item 5: one RecruitDesk per data folder; a second start is refused or shows the first; a crash frees it. */
class InstanceLockTest {

    @TempDir
    Path dir;
    private String logDirBefore;
    private Process child;

    @BeforeEach
    void keepLogDir() {
        logDirBefore = System.getProperty("recruitdesk.logdir");
    }

    @AfterEach
    void restore() throws Exception {
        if (logDirBefore == null) {
            System.clearProperty("recruitdesk.logdir");
        } else {
            System.setProperty("recruitdesk.logdir", logDirBefore);
        }
        System.clearProperty(LogSetup.CONSOLE_ONLY);
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoStartsInOneJvmTheSecondIsRefusedUntilTheFirstCloses() throws Exception {
        InstanceLock first = InstanceLock.tryAcquire(dir).orElseThrow();
        assertThat(InstanceLock.tryAcquire(dir)).isEmpty();
        assertThat(InstanceLock.tryAcquire(dir.resolve(".").resolve("..").resolve(dir.getFileName()))).as("same folder, other spelling").isEmpty();
        assertThat(InstanceLock.tryAcquire(dir.resolve("other"))).as("another folder is free").hasValueSatisfying(InstanceLock::close);
        first.close();
        first.close();
        try (InstanceLock again = InstanceLock.tryAcquire(dir).orElseThrow()) {
            assertThat(again.folder()).isEqualTo(dir.toRealPath());
        }
    }

    @Test
    void aSecondStartBringsTheFirstWindowToTheFrontAndEndsWithZero() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        try (InstanceLock first = InstanceLock.tryAcquire(dir).orElseThrow()) {
            first.listenForShow(shown::incrementAndGet);
            Result r = launch("--data-dir", dir.toString());
            assertThat(r.code).isZero();
            assertThat(r.out).contains("RecruitDesk is already open on the data folder " + dir).contains("front");
            assertThat(shown).hasValue(1);
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                for (String f : List.of(InstanceLock.LOCK_FILE, InstanceLock.INSTANCE_FILE)) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dir.resolve(f)))).as(f).isEqualTo("rw-------");
                }
            }
        }
        assertThat(dir.resolve(InstanceLock.INSTANCE_FILE)).as("removed on close").doesNotExist();
    }

    @Test
    void aRequestWithoutTheTokenShowsNothing() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        try (InstanceLock first = InstanceLock.tryAcquire(dir).orElseThrow()) {
            first.listenForShow(shown::incrementAndGet);
            int port = Integer.parseInt(Files.readString(dir.resolve(InstanceLock.INSTANCE_FILE)).split(" ")[0]);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("0123456789abcdef show\n".getBytes(StandardCharsets.US_ASCII));
                String answer = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertThat(answer).isEqualTo("no");
            }
            assertThat(shown).hasValue(0);
            assertThat(InstanceLock.askToShow(dir)).as("the listener still serves after a bad request").isTrue();
            assertThat(shown).hasValue(1);
        }
    }

    /** The demo wipes its folder on each start: a refused second start must not get that far. */
    @Test
    void aSecondStartThatCannotReachTheFirstEndsWithThreeAndLeavesTheDemoFolderAlone() throws Exception {
        Path marker = Files.createDirectories(dir.resolve("demo")).resolve("cache.mv.db");
        Files.writeString(marker, "the first instance's demo cache");
        try (InstanceLock first = InstanceLock.tryAcquire(dir).orElseThrow()) {
            Result app = launch("--data-dir", dir.toString());
            assertThat(app.code).isEqualTo(Launcher.FOLDER_IN_USE);
            assertThat(app.err).contains("RecruitDesk is already open on the data folder " + dir);
            assertThat(marker).hasContent("the first instance's demo cache");

            Result sync = launch("sync", "--data-dir", dir.toString(), "--sr-url", "http://127.0.0.1:9", "--api-key", "k-1");
            assertThat(sync.code).isEqualTo(Launcher.FOLDER_IN_USE);
            assertThat(sync.err).contains("already open on the data folder " + dir).contains("close it first");
            assertThat(dir.resolve("account")).as("the sync did not open the account's databases").doesNotExist();
        }
    }

    /** QA finding 2: refused starts rotated the logs and deleted the running app's log file. */
    @Test
    void aRefusedStartNeitherRotatesNorAddsLogFiles() throws Exception {
        System.clearProperty("recruitdesk.logdir");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path running = logs.resolve("recruitdesk-20000101-000000.log"); // the oldest: the first to go in a rotation
        Files.writeString(running, "the running app's log");
        for (int i = 1; i <= 10; i++) {
            Files.writeString(logs.resolve(String.format("recruitdesk-20260101-0000%02d.log", i)), "older launch");
        }
        try (InstanceLock first = InstanceLock.tryAcquire(dir).orElseThrow()) {
            assertThat(launch("sync", "--data-dir", dir.toString(), "--sr-url", "http://127.0.0.1:9", "--api-key", "k-1").code)
                    .isEqualTo(Launcher.FOLDER_IN_USE);
            assertThat(launch("--data-dir", dir.toString()).code).isEqualTo(Launcher.FOLDER_IN_USE);
            assertThat(launch("screenshots", "--data-dir", dir.toString(), "--out", dir.resolve("shots").toString()).code)
                    .isEqualTo(Launcher.FOLDER_IN_USE);
        }
        assertThat(running).as("the running app's log").hasContent("the running app's log");
        try (var s = Files.list(logs)) {
            assertThat(s.count()).isEqualTo(11);
        }
    }

    /** QA finding 2, with the real logging set-up (no logback-test.xml): a refused start writes no log file. */
    @Test
    void aRefusedStartInItsOwnProcessCreatesNoLogFile() throws Exception {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes" + java.io.File.separator))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        try (InstanceLock first = InstanceLock.tryAcquire(dir).orElseThrow()) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("child-tmp")), "-cp", classPath,
                    Launcher.class.getName(), "sync", "--data-dir", dir.toString(), "--sr-url", "http://127.0.0.1:9",
                    "--api-key", "k-1").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isEqualTo(Launcher.FOLDER_IN_USE);
            assertThat(output.strip()).contains("already open on the data folder").doesNotContain("\n");
        }
        assertThat(dir.resolve("logs")).doesNotExist();
        try (var s = Files.list(dir.resolve("child-tmp"))) {
            assertThat(s.toList()).as("no fallback log folder either").isEmpty();
        }
    }

    @Test
    void anotherProcessHoldingTheFolderRefusesUsUntilItIsKilledWithSigkill() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        child = startHolder(dir, lines);
        assertThat(lines.poll(60, TimeUnit.SECONDS)).isEqualTo("LOCKED");

        assertThat(InstanceLock.tryAcquire(dir)).as("refused while the other process holds it").isEmpty();
        Result sync = launch("sync", "--data-dir", dir.toString(), "--sr-url", "http://127.0.0.1:9", "--api-key", "k-1");
        assertThat(sync.code).isEqualTo(Launcher.FOLDER_IN_USE);
        Result app = launch("--data-dir", dir.toString());
        assertThat(app.code).as("the other process brought its window forward").isZero();
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("SHOW");
        assertThat(InstanceLock.tryAcquire(dir)).as("our failed tries did not free the other's lock").isEmpty();

        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no cleanup
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve(InstanceLock.LOCK_FILE)).as("the lock file stays behind").exists();
        try (InstanceLock mine = InstanceLock.tryAcquire(dir).orElseThrow()) {
            assertThat(mine.folder()).isEqualTo(dir.toRealPath());
        }
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        child = startHolder(dir, second);
        assertThat(second.poll(60, TimeUnit.SECONDS)).as("a new process starts on the stale lock").isEqualTo("LOCKED");
    }

    private static Process startHolder(Path dir, BlockingQueue<String> lines) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Drecruitdesk.logdir=" + dir.resolve("child-logs"),
                LockHolder.class.getName(), dir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("LOCKED") || line.equals("SHOW") || line.equals("REFUSED")) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        }, "lock-holder-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
