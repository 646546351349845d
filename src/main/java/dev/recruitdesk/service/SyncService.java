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

    @Override
    void close();
}
