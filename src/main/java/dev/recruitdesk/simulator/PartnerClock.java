package dev.recruitdesk.simulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simulated partner: a daemon thread that checks a few times per pace which orders are due for their next step. */
final class PartnerClock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerClock.class);

    private final ScheduledExecutorService scheduler;

    PartnerClock(SimStore store, Duration pace) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sr-sim-partner-clock");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(20, Math.min(1000, pace.toMillis() / 4));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int moved = store.advanceDue();
                if (moved > 0) {
                    LOG.debug("Partner clock moved {} orders", moved);
                }
            } catch (RuntimeException e) {
                // A failed tick must not cancel the schedule.
                LOG.warn("Partner clock tick failed", e);
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
