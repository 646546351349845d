package dev.recruitdesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The start-up sequence's helpers: work started on its own thread while JavaFX starts, and a log line per phase
 * ("Start-up: window shown at 1234 ms") measured from the process start, so a slow start can be read off the log.
 */
public final class StartupTimes {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTimes.class);
    private static final long PROCESS_START_MILLIS = ProcessHandle.current().info().startInstant()
            .map(Instant::toEpochMilli).orElse(System.currentTimeMillis());

    private StartupTimes() {
    }

    /** Milliseconds since the process started (to the OS clock's tick). */
    public static long sinceProcessStart() {
        return System.currentTimeMillis() - PROCESS_START_MILLIS;
    }

    public static void mark(String phase) {
        LOG.info("Start-up: {} at {} ms", phase, sinceProcessStart());
    }

    /** Runs {@code work} on a new daemon thread; {@link #await} gets its result. */
    public static <T> Future<T> openInBackground(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "startup-open");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The result of {@code f}, with the work's own exception (not wrapped). */
    public static <T> T await(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
