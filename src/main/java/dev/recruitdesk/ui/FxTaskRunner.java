package dev.recruitdesk.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** The real {@link TaskRunner}: work on the given executor, callbacks through {@link Platform#runLater}. */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService background;

    public FxTaskRunner(ExecutorService background) {
        this.background = background;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            background.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable t) {
                    log.debug("Background task failed", t);
                    Platform.runLater(() -> onFailure.accept(t));
                    return;
                }
                Platform.runLater(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            // The app is shutting down: nobody is waiting for the answer any more.
            log.debug("Background executor rejected a task", e);
        }
    }

    @Override
    public void runOnUiAfter(long millis, Runnable r) {
        runOnUi(() -> {
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(millis));
            wait.setOnFinished(e -> r.run());
            wait.play();
        });
    }

    @Override
    public void runOnUi(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
