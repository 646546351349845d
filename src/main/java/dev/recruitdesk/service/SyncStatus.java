package dev.recruitdesk.service;

import java.time.Instant;

/**
 * What the status line shows. {@code total} is -1 when unknown. {@code lastSuccess} is null before the first
 * complete sync. {@code online} is false after a network fault until a call succeeds again.
 */
public record SyncStatus(Phase phase, int done, int total, Instant lastSuccess, boolean online, String lastError,
                         int queuedWrites) {

    public enum Phase { IDLE, FULL_SYNC, INCREMENTAL_SYNC, ORDERS, FAILED }

    public static SyncStatus initial() {
        return new SyncStatus(Phase.IDLE, 0, -1, null, true, null, 0);
    }

    public boolean running() {
        return phase == Phase.FULL_SYNC || phase == Phase.INCREMENTAL_SYNC || phase == Phase.ORDERS;
    }
}
