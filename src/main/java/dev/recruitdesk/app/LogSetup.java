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

import java.nio.file.Path;
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
            configure(ctx, System.getProperty(LOG_DIR,
                    Path.of(System.getProperty("java.io.tmpdir"), "recruitdesk-logs").toString()));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The file appender writes into {@code dir}; {@code null}: no file, the console only. */
    static void configure(LoggerContext ctx, String dir) {
        FileAppender<ILoggingEvent> file = null;
        if (dir != null) {
            String launch = new SimpleDateFormat("yyyyMMdd-HHmmss").format(new Date());
            file = new FileAppender<>();
            file.setContext(ctx);
            file.setName("FILE");
            file.setFile(Path.of(dir, "recruitdesk-" + launch + ".log").toString());
            file.setEncoder(encoder(ctx, FILE_PATTERN));
            file.start();
        }

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter errorsOnly = new ThresholdFilter();
        errorsOnly.setLevel("ERROR");
        errorsOnly.start();
        console.addFilter(errorsOnly);
        console.setEncoder(encoder(ctx, "%msg%n%nopex"));
        console.start();

        ctx.getLogger("org.flywaydb").setLevel(Level.WARN);
        ctx.getLogger("com.github.javakeyring").setLevel(Level.WARN);
        ctx.getLogger("org.apache.pdfbox").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        if (file != null) {
            root.addAppender(file);
        }
        root.addAppender(console);
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
