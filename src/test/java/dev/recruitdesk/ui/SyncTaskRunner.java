package dev.recruitdesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything inline on the calling thread: ViewModel tests need no toolkit and no waiting. */
public final class SyncTaskRunner implements TaskRunner {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable t) {
            onFailure.accept(t);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void runOnUi(Runnable r) {
        r.run();
    }
}
