package dev.recruitdesk.ui.outbox;

import dev.recruitdesk.service.QueuedWrite;
import dev.recruitdesk.service.WriteQueue;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The queued writes: the banner ("N writes queued while offline: Review…", shown once the connection is back) and
 * the review dialog's rows, with Send all and Discard selected. Writes queued while offline are only sent from here,
 * after the recruiter confirms; see the outbox sender for the whole rule.
 */
public final class OutboxReviewViewModel {

    /** One line of the review list, as text. */
    public record Row(String key, String kind, String candidate, String target, String queuedAt, String state,
                      String lastError, boolean sendable) {
    }

    private final WriteQueue queue;
    private final TaskRunner tasks;
    private final IntegerProperty held = new SimpleIntegerProperty();
    private final BooleanProperty online = new SimpleBooleanProperty(true);
    private final StringProperty bannerText = new SimpleStringProperty("");
    private final BooleanBinding bannerVisible;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Rows shown in this review, kept after they are sent or discarded so their new state shows. */
    private final Set<String> shown = new LinkedHashSet<>();
    private boolean open;

    public OutboxReviewViewModel(WriteQueue queue, TaskRunner tasks) {
        this.queue = queue;
        this.tasks = tasks;
        this.bannerVisible = online.and(held.greaterThan(0));
        bannerText.bind(Bindings.createStringBinding(() -> held.get() == 1 ? "1 write queued while offline:"
                : held.get() + " writes queued while offline:", held));
    }

    /** The connection state from the status bar (FX thread). */
    public void setOnline(boolean isOnline) {
        if (isOnline != online.get()) {
            online.set(isOnline);
            refreshCount();
        }
    }

    /** The queue changed (any thread): recount, and refresh the list if the dialog shows it. */
    public void onQueueChanged() {
        tasks.runOnUi(() -> {
            refreshCount();
            if (open) {
                load();
            }
        });
    }

    public void refreshCount() {
        tasks.run(queue::heldCount, held::set, e -> { });
    }

    /** Reads the list (what is unsent now, and what this review showed before). */
    public void load() {
        open = true;
        List<String> before = new ArrayList<>(shown);
        tasks.run(() -> {
            List<QueuedWrite> now = new ArrayList<>(queue.unsent());
            Set<String> keys = new LinkedHashSet<>();
            now.forEach(w -> keys.add(w.key()));
            List<String> gone = before.stream().filter(k -> !keys.contains(k)).toList();
            now.addAll(queue.writes(gone));
            return now;
        }, list -> {
            List<Row> out = new ArrayList<>();
            for (QueuedWrite w : list) {
                shown.add(w.key());
                out.add(row(w));
            }
            rows.setAll(out);
            held.set((int) list.stream().filter(QueuedWrite::held).count());
        }, e -> message.set("The queued writes cannot be read: " + e.getMessage()));
    }

    /** Sends every held or failed write in the list. */
    public void sendAll() {
        List<String> keys = rows.stream().filter(Row::sendable).map(Row::key).toList();
        if (keys.isEmpty()) {
            message.set("Nothing to send");
            return;
        }
        run(() -> queue.send(keys), keys.size() + " write(s) sent to SmartRecruiters");
    }

    public void discard(Collection<String> keys) {
        if (keys.isEmpty()) {
            message.set("Select the writes to discard");
            return;
        }
        List<String> chosen = List.copyOf(keys);
        run(() -> queue.discard(chosen), chosen.size() + " write(s) discarded: they will not be sent");
    }

    private void run(Runnable work, String done) {
        busy.set(true);
        tasks.run(() -> {
            work.run();
            return null;
        }, v -> {
            busy.set(false);
            message.set(done);
            load();
        }, e -> {
            busy.set(false);
            message.set("Could not do that: " + e.getMessage());
        });
    }

    /** The dialog closed: the next review starts from what is unsent then. */
    public void closed() {
        open = false;
        shown.clear();
        message.set("");
    }

    private static Row row(QueuedWrite w) {
        String kind = switch (w.kind()) {
            case ORDER -> "Order";
            case MOVE -> "Move";
            case NEW_CANDIDATE -> "New candidate";
        };
        String state = switch (w.state()) {
            case HELD -> "Held: sent when you confirm";
            case WAITING -> "Waiting to be sent";
            case SENDING -> "Sending…";
            case SENT -> "Sent";
            case FAILED -> "Failed";
            case DISCARDED -> "Discarded";
        };
        boolean sendable = w.state() == QueuedWrite.State.HELD || w.state() == QueuedWrite.State.FAILED;
        return new Row(w.key(), kind, w.candidate(), w.target(), TimeFormat.exact(w.queuedAt()), state,
                w.lastError() == null ? "" : w.lastError(), sendable);
    }

    public IntegerProperty heldProperty() { return held; }
    public BooleanProperty onlineProperty() { return online; }
    public StringProperty bannerTextProperty() { return bannerText; }
    public BooleanBinding bannerVisible() { return bannerVisible; }
    public ObservableList<Row> rows() { return rows; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty busyProperty() { return busy; }
}
