package dev.recruitdesk.ui.results;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Attachment;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.domain.Validation;
import dev.recruitdesk.service.OrderService;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Errors;
import dev.recruitdesk.ui.common.LinkOpener;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One order's results: history, score, report, attachments; Retry for an order that could not be sent. */
public final class ResultsViewModel {

    private final OrderService orders;
    private final TaskRunner tasks;
    private final LinkOpener opener;
    private final ObjectProperty<AssessmentOrder> order = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<PackageTimes> packageTimes = new SimpleObjectProperty<>(PackageTimes.NONE);

    public ResultsViewModel(AssessmentOrder order, OrderService orders, TaskRunner tasks, LinkOpener opener) {
        this.orders = orders;
        this.tasks = tasks;
        this.opener = opener;
        this.order.set(order);
    }

    public ObjectProperty<AssessmentOrder> orderProperty() {
        return order;
    }

    /** The outcome of the last action (opened, saved, failed) in words. */
    public StringProperty messageProperty() {
        return message;
    }

    /** How long packages usually take (from the profile's load), for the "waiting longer than usual" flag. */
    public ObjectProperty<PackageTimes> packageTimesProperty() {
        return packageTimes;
    }

    /** The status in words (an unknown one as sent). */
    public String stateText() {
        return OrderStateText.state(order.get());
    }

    /** "Changed 3 h ago". */
    public String changedText() {
        return OrderStateText.lastChangedText(order.get());
    }

    public String changedExact() {
        return OrderStateText.lastChangedExact(order.get());
    }

    /** Why the send failed or waits (with attempts), or the server's last error; empty when there is none. */
    public String problemText() {
        String p = OrderStateText.problem(order.get());
        return p.isEmpty() && canRetry() ? Messages.get("results.notSent") : p;
    }

    /** Non-empty when the order has waited longer than its package usually takes. */
    public String stuckText() {
        return OrderStateText.stuckText(order.get(), packageTimes.get(), TimeFormat.now());
    }

    public boolean reportOpenable() {
        return Validation.isWebLink(order.get().reportUrl());
    }

    /**
     * A send that failed, or waits after an error, can be sent again with the same idempotency key. An order the
     * server has (it has an id) was sent: when its partner fails it, sending the same key again would only return the
     * same failed order, so it offers no Retry (a new order is the way on).
     */
    public boolean canRetry() {
        AssessmentOrder o = order.get();
        return o.isQueued() && o.idempotencyKey() != null
                && (o.status().kind() == OrderStatus.Kind.FAILED || o.lastError() != null);
    }

    public void openReport() {
        String url = order.get().reportUrl();
        if (!Validation.isWebLink(url)) {
            message.set(Messages.get("results.reportNotOpenable"));
            return;
        }
        tasks.run(() -> {
            opener.open(URI.create(url.strip()));
            return Boolean.TRUE;
        }, ok -> message.set(Messages.get("results.reportOpened")),
                err -> message.set(Messages.format("results.openFailed", Errors.describe(err))));
    }

    public void save(Attachment attachment, Path target) {
        if (!Validation.isWebLink(attachment.url())) {
            message.set(Messages.get("results.attachmentNotOpenable"));
            return;
        }
        message.set(Messages.format("results.saving", attachment.name()));
        tasks.run(() -> orders.download(attachment.url(), target),
                path -> message.set(Messages.format("results.saved", path.getFileName().toString())),
                err -> message.set(Messages.format("results.saveFailed", Errors.describe(err))));
    }

    /** Downloads to a temporary file the app itself wrote, then hands that file to the system viewer. */
    public void open(Attachment attachment) {
        if (!Validation.isWebLink(attachment.url())) {
            message.set(Messages.get("results.attachmentNotOpenable"));
            return;
        }
        message.set(Messages.format("results.opening", attachment.name()));
        tasks.run(() -> {
            Path dir = Files.createTempDirectory("recruitdesk-");
            Path file = orders.download(attachment.url(), dir.resolve(safeName(attachment.name())));
            opener.open(file.toUri());
            return file;
        }, file -> message.set(Messages.format("results.opened", attachment.name())),
                err -> message.set(Messages.format("results.openFailed", Errors.describe(err))));
    }

    public void retry() {
        AssessmentOrder o = order.get();
        if (o.idempotencyKey() == null) {
            return;
        }
        message.set(Messages.get("results.retrying"));
        tasks.run(() -> {
            orders.retry(o.idempotencyKey());
            return Boolean.TRUE;
        }, ok -> message.set(Messages.get("results.retried")),
                err -> message.set(Messages.format("results.retryFailed", Errors.describe(err))));
    }

    /** A file name that cannot climb out of the temp folder or upset the file system. */
    static String safeName(String name) {
        String n = name == null || name.isBlank() ? "attachment" : name.strip();
        n = n.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (n.startsWith(".")) {
            n = "_" + n;
        }
        return n.length() > 120 ? n.substring(n.length() - 120).toLowerCase(Locale.ROOT) : n;
    }
}
