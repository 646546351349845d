package dev.recruitdesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work off the FX thread and hands the outcome back on it. ViewModels depend on this interface only, so
 * their tests can run everything inline without a JavaFX toolkit.
 */
public interface TaskRunner {

    /** Runs {@code work} in the background; exactly one of the callbacks is then called on the FX thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code r} on the FX thread (at once when already on it). */
    void runOnUi(Runnable r);

    /**
     * Runs {@code r} on the FX thread about {@code millis} later (throttling refreshes). Runners without a clock
     * (tests) run it at once.
     */
    default void runOnUiAfter(long millis, Runnable r) {
        runOnUi(r);
    }
}
