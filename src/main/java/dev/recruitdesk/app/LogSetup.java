package dev.recruitdesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Marker;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.text.SimpleDateFormat;
import java.util.Date;

/**
 * The app's logging, set up in code (logback finds it as a service): one file per launch in the data folder's
 * {@code logs/} (the launcher sets {@code recruitdesk.logdir} before any logging) and errors on stderr. Logback's
 * XML configuration took 0.5 s of an idle cold start (several seconds on a loaded machine) to load its XML parser
 * and about 500 classes. A {@code logback-test.xml} on the class path (the tests) or {@code -Dlogback.configurationFile}
 * still wins: this then steps aside.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The folder of the log file; the launcher sets it once it holds the data folder's lock. */
    static final String LOG_DIR = "recruitdesk.logdir";
    /** Set by a refused start (the folder is open elsewhere): no log file at all, errors on the console only. */
    static final String CONSOLE_ONLY = "recruitdesk.log.consoleonly";

    /**
     * Name of the marker for events whose message and stack trace belong in the log file only (the console already
     * got one plain line). A name, not a Marker: making a Marker here would start logging from inside its set-up.
     */
    public static final String FILE_ONLY = "FILE_ONLY";
    /** The logger H2's trace adapter writes to. */
    static final String H2_LOGGER = "h2database";

    static final String FILE_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        if (Boolean.getBoolean(CONSOLE_ONLY) && System.getProperty(LOG_DIR) == null) {
            configure(ctx, null);
        } else {
            String dir = System.getProperty(LOG_DIR);
            configure(ctx, dir != null ? dir : fallbackDir(System.getProperty("java.io.tmpdir"), System.getProperty("user.name")));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Where a run without a data folder logs (e.g. a start that failed before it had one): one folder per user, the
     * user's alone. A shared folder made by one user was not writable for the next. Null when it cannot be made.
     */
    static String fallbackDir(String tmp, String user) {
        String who = user == null || user.isBlank() ? "unknown" : user.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            return DataFolders.ensure(Path.of(tmp, "recruitdesk-logs-" + who)).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The file appender writes into {@code dir}; {@code null}: no file, the console only. */
    static void configure(LoggerContext ctx, String dir) {
        // Logback prints its whole status list on stderr when anything failed, unless a listener is installed:
        // a log file that cannot be written is reported in one line below instead.
        ctx.getStatusManager().add(new NopStatusListener());
        FileAppender<ILoggingEvent> file = null;
        if (dir != null) {
            String launch = new SimpleDateFormat("yyyyMMdd-HHmmss").format(new Date());
            file = new FileAppender<>();
            file.setContext(ctx);
            file.setName("FILE");
            Path logFile = Path.of(dir, "recruitdesk-" + launch + ".log");
            file.setFile(logFile.toString());
            file.setEncoder(encoder(ctx, FILE_PATTERN));
            createOwnerOnly(logFile);
            file.start();
            if (!file.isStarted()) {
                System.err.println("recruitdesk: cannot write a log file in " + dir + "; errors go to the console only");
                file = null;
            }
        }

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter errorsOnly = new ThresholdFilter();
        errorsOnly.setLevel("ERROR");
        errorsOnly.start();
        console.addFilter(errorsOnly);
        Filter<ILoggingEvent> notFileOnly = new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                List<Marker> markers = event.getMarkerList();
                return markers != null && markers.stream().anyMatch(m -> m.contains(FILE_ONLY)) ? FilterReply.DENY
                        : FilterReply.NEUTRAL;
            }
        };
        notFileOnly.start();
        console.addFilter(notFileOnly);
        console.setEncoder(encoder(ctx, "%msg%n%nopex"));
        console.start();

        ctx.getLogger("org.flywaydb").setLevel(Level.WARN);
        // H2 hands its trace to SLF4J (TRACE_LEVEL_FILE=4) and asks this logger's level: at INFO it formats every
        // statement with its parameters (names, e-mails) into the log, a tenth of the sync's write time
        ctx.getLogger(H2_LOGGER).setLevel(Level.WARN);
        ctx.getLogger("com.github.javakeyring").setLevel(Level.WARN);
        ctx.getLogger("org.apache.pdfbox").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        if (file != null) {
            root.addAppender(file);
        }
        root.addAppender(console);
    }

    /** Logs may name candidates: the file is made readable by its owner alone before logback opens it. */
    private static void createOwnerOnly(Path file) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // a second launch in the same second appends to it
        } catch (IOException | RuntimeException e) {
            // logback tries itself and reports a failure
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
