package dev.recruitdesk.service;

import java.util.function.Consumer;

/** The background sync: a full sync on an empty cache, incremental ({@code updatedAfter}) afterwards, order polling. */
public interface SyncService extends AutoCloseable {

    /** Starts the schedule (first sync at once). */
    void start();

    /** Asks for a sync now; returns at once. */
    void syncNow();

    SyncStatus status();

    /** Called on a background thread whenever the status changes. */
    void addStatusListener(Consumer<SyncStatus> listener);

    /** A message for the recruiter from opening the data (e.g. the cache was unreadable and is rebuilt), or null. */
    default String notice() {
        return null;
    }

    @Override
    void close();
}
