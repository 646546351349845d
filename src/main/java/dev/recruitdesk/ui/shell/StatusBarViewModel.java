package dev.recruitdesk.ui.shell;

import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status line: last sync, online/offline, progress of a running sync, and queued writes. */
public final class StatusBarViewModel {

    private final TaskRunner tasks;
    private final ObjectProperty<SyncStatus> status = new SimpleObjectProperty<>(SyncStatus.initial());
    private final StringProperty syncedText = new SimpleStringProperty("");
    private final StringProperty syncedExact = new SimpleStringProperty("");
    private final BooleanProperty online = new SimpleBooleanProperty(true);
    private final StringProperty onlineText = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty queuedText = new SimpleStringProperty("");
    private final StringProperty errorText = new SimpleStringProperty("");
    private final StringProperty noticeText = new SimpleStringProperty("");

    public StatusBarViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        apply(SyncStatus.initial());
    }

    /** From the SyncService (any thread). */
    public void onStatus(SyncStatus s) {
        tasks.runOnUi(() -> apply(s));
    }

    /** Re-renders relative times ("2 min ago"); the view calls it on a timer. */
    public void tick() {
        apply(status.get());
    }

    public void apply(SyncStatus s) {
        status.set(s);
        syncedText.set(s.lastSuccess() == null ? Messages.get("status.notSynced")
                : Messages.format("status.synced", TimeFormat.relative(s.lastSuccess())));
        syncedExact.set(s.lastSuccess() == null ? "" : TimeFormat.exact(s.lastSuccess()));
        online.set(s.online());
        onlineText.set(Messages.get(s.online() ? "status.online" : "status.offline"));
        running.set(s.running());
        if (s.running() && s.total() > 0) {
            progress.set(Math.min(1.0, s.done() / (double) s.total()));
            progressText.set(Messages.format("status.progress", s.done(), s.total()));
        } else if (s.running()) {
            progress.set(-1);
            progressText.set(Messages.format("status.progressUnknown", s.done()));
        } else {
            progress.set(0);
            progressText.set("");
        }
        queuedText.set(s.queuedWrites() > 0 ? Messages.format("status.queued", s.queuedWrites()) : "");
        errorText.set(s.lastError() == null ? "" : s.lastError());
    }

    /** A message from opening the data (e.g. the cache was rebuilt), shown until dismissed; null shows nothing. */
    public void showNotice(String notice) {
        noticeText.set(notice == null ? "" : notice);
    }

    public void dismissNotice() {
        noticeText.set("");
    }

    public StringProperty noticeTextProperty() { return noticeText; }
    public ObjectProperty<SyncStatus> statusProperty() { return status; }
    public StringProperty syncedTextProperty() { return syncedText; }
    public StringProperty syncedExactProperty() { return syncedExact; }
    public BooleanProperty onlineProperty() { return online; }
    public StringProperty onlineTextProperty() { return onlineText; }
    public BooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public StringProperty queuedTextProperty() { return queuedText; }
    public StringProperty errorTextProperty() { return errorText; }
}
