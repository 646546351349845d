package dev.recruitdesk.app;

import dev.recruitdesk.app.bench.BenchCommand;
import dev.recruitdesk.simulator.SimulatorMain;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The jar's entry point. It must not extend {@code javafx.application.Application}: with JavaFX on the class path
 * (java -jar) the JDK's launcher would refuse to start such a main class.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }

    /** Returns the exit code; {@code Integer.MIN_VALUE} means "the window runs on, do not exit". */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = CommandLine.parse(args, System.getenv());
        } catch (UsageException e) {
            err.println("recruitdesk: " + e.getMessage());
            return 2;
        }
        try {
            if (command instanceof Command.ShowHelp) {
                out.println(CommandLine.USAGE);
                return 0;
            }
            if (command instanceof Command.ShowVersion) {
                out.println("RecruitDesk " + Version.current());
                return 0;
            }
            if (command instanceof Command.RunSimulator s) {
                return SimulatorMain.run(s.args(), out, err);
            }
            if (command instanceof Command.RunSync s) {
                Path dir = DataFolders.ensure(s.dataDir());
                try (InstanceLock lock = InstanceLock.tryAcquire(dir).orElse(null)) {
                    if (lock == null) {
                        refused();
                        err.println("recruitdesk: " + inUse(dir) + "; close it first, then run sync again");
                        return FOLDER_IN_USE;
                    }
                    startLogs(dir);
                    return SyncCommand.run(s, dir, out, err);
                }
            }
            if (command instanceof Command.RunScreenshots s) {
                if (s.dataDir() != null) {
                    Path dir = DataFolders.ensure(s.dataDir());
                    try (InstanceLock lock = InstanceLock.tryAcquire(dir).orElse(null)) {
                        if (lock == null) {
                            refused();
                            err.println("recruitdesk: " + inUse(dir));
                            return FOLDER_IN_USE;
                        }
                        startLogs(dir);
                        return ScreenshotsCommand.run(s, dir, out, err);
                    }
                }
                Path scratch = java.nio.file.Files.createTempDirectory("recruitdesk-shots");
                try {
                    return ScreenshotsCommand.run(s, prepare(scratch), out, err);
                } finally {
                    AppSession.deleteTree(scratch);
                }
            }
            if (command instanceof Command.RunBench b) {
                Path work = prepare(java.nio.file.Files.createTempDirectory("recruitdesk-bench"));
                return BenchCommand.run(new BenchCommand.Options(b.candidates(), b.out()), work, out, err);
            }
            Command.RunApp a = (Command.RunApp) command;
            Path dataDir = DataFolders.ensure(a.dataDir() != null ? a.dataDir() : defaultDataDir());
            // Before anything touches the folder: a second start must neither wipe the demo, open the databases,
            // nor add or rotate log files.
            try (InstanceLock lock = InstanceLock.tryAcquire(dataDir).orElse(null)) {
                if (lock == null) {
                    refused();
                    return secondStart(a, dataDir, out, err);
                }
                startLogs(dataDir);
                lock.listenForShow(DesktopApp::bringToFront);
                DesktopApp.launch(a, dataDir);
                return 0;
            }
        } catch (StartupException e) {
            err.println("recruitdesk: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("recruitdesk: " + plainWords(e));
            // the line above is all the console gets; the stack trace goes to the log file
            org.slf4j.LoggerFactory.getLogger(Launcher.class)
                    .error(org.slf4j.MarkerFactory.getMarker(LogSetup.FILE_ONLY), "Fatal", e);
            return 1;
        }
    }

    /** Exit code of a start on a data folder another RecruitDesk has open (the app, a sync, screenshots). */
    static final int FOLDER_IN_USE = 3;

    private static String inUse(Path dir) {
        return "RecruitDesk is already open on the data folder " + dir;
    }

    /** The folder is taken: bring that window to the front when it answers, else say why we stop. */
    private static int secondStart(Command.RunApp a, Path dataDir, PrintStream out, PrintStream err) {
        String ignored = a.srUrl() != null ? " (the --sr-url and --api-key given were not applied)" : "";
        if (InstanceLock.askToShow(dataDir)) {
            out.println(inUse(dataDir) + "; brought its window to the front" + ignored);
            return 0;
        }
        err.println("recruitdesk: " + inUse(dataDir) + " (or a sync runs on it); close it first, or start with"
                + " --data-dir on another folder" + ignored);
        return FOLDER_IN_USE;
    }

    /** One line a user can act on: the JDK's file errors carry the reason apart from the path. */
    static String plainWords(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String what = f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
                    : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return "cannot use " + f.getFile() + ": " + what;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static Path defaultDataDir() {
        return DataFolders.defaultDataDir(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /**
     * Creates a private scratch folder's log folder (bench, screenshots without a data folder). A scratch folder is
     * this process's alone, so it needs no lock.
     */
    static Path prepare(Path dataDir) throws Exception {
        Path dir = DataFolders.ensure(dataDir);
        startLogs(dir);
        return dir;
    }

    /**
     * Points the log file into {@code <dir>/logs}, before the first logger is made, and rotates old logs. Only the
     * process holding the folder's lock may call this: rotation by a refused start would delete the log file the
     * running RecruitDesk writes to.
     */
    static void startLogs(Path dir) throws java.io.IOException {
        Path logs = DataFolders.ensure(dir.resolve("logs"));
        if (System.getProperty(LogSetup.LOG_DIR) == null) {
            System.setProperty(LogSetup.LOG_DIR, logs.toString());
        }
        LogFiles.keepNewest(logs, 10);
    }

    /** A refused start touches no log file, in the folder or elsewhere: what it has to say goes to the console. */
    private static void refused() {
        if (System.getProperty(LogSetup.LOG_DIR) == null) {
            System.setProperty(LogSetup.CONSOLE_ONLY, "true");
        }
    }
}
