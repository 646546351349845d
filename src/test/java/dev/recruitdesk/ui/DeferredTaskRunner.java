package dev.recruitdesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds work until the test says so: lets a test see the "loading" moment and out-of-order answers. */
public final class DeferredTaskRunner implements TaskRunner {

    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable t) {
                onFailure.accept(t);
                return;
            }
            onSuccess.accept(result);
        });
    }

    @Override
    public void runOnUi(Runnable r) {
        r.run();
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Runs the queued work, including work that the callbacks queue in turn. */
    public void runAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }
}
