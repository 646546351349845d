package dev.recruitdesk.ui.results;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.domain.StuckRule;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The orders that wait longer than their package usually takes, across every candidate: a count for the status bar
 * and a short list that leads to each candidate. Read from the cache off the FX thread; People's search is not
 * involved. Refreshed when orders change and on a timer (time alone makes an order late).
 */
public final class AttentionViewModel {

    /** The list names this many, most recently late first; the count covers all. */
    static final int LISTED = 30;

    /** One late order: whose it is and what the line says. */
    public record Item(String candidateId, String candidateName, String packageName, String text, Instant lateSince) {
    }

    private final CandidateQueries queries;
    private final TaskRunner tasks;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private boolean running;
    private boolean again;
    private volatile boolean dirty;
    private Instant lastRefresh;

    public AttentionViewModel(CandidateQueries queries, TaskRunner tasks) {
        this.queries = queries;
        this.tasks = tasks;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** "3 orders waiting longer than usual", or empty when none is. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ObservableList<Item> items() {
        return items;
    }

    /**
     * From the ChangeFeed (any thread): orders changed somewhere, so the list may have too. Only marks it: a backfill
     * announces orders chunk after chunk, and reading every open order each time would compete with the sync.
     */
    public void onChange(ChangeEvent event) {
        if (event.kind() == ChangeEvent.Kind.ORDERS || event.kind() == ChangeEvent.Kind.CANDIDATES
                && event.candidateIds().isEmpty()) {
            dirty = true;
        }
    }

    /**
     * Called by the window every few seconds (FX thread): refreshes when orders changed since the last look, and at
     * least once a minute because time alone makes an order late. The first look waits for the first tick, so it
     * does not compete with People's first page at start-up.
     */
    public void tick() {
        Instant now = TimeFormat.now();
        if (dirty || lastRefresh == null || !now.isBefore(lastRefresh.plusSeconds(60))) {
            dirty = false;
            lastRefresh = now;
            refresh();
        }
    }

    /** Re-reads the open orders; a refresh asked while one runs is done once after it (not queued up). */
    public void refresh() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        Instant now = TimeFormat.now();
        tasks.run(() -> find(now), found -> {
            count.set(found.total());
            countText.set(found.total() == 0 ? "" : Messages.format("attention.count", found.total()));
            items.setAll(found.items());
            done();
        }, err -> done());
    }

    private void done() {
        running = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    private record Found(int total, List<Item> items) {
    }

    /** Off the FX thread: every late order, the most recently late first; names for the first few. */
    private Found find(Instant now) {
        PackageTimes times = queries.packageTimes();
        List<Late> late = new ArrayList<>();
        for (AssessmentOrder o : queries.openOrders()) {
            StuckRule.check(o, times.minutes(o.packageId()), now).ifPresent(s -> late.add(new Late(o, s)));
        }
        late.sort(Comparator.comparing((Late l) -> l.stuck().since().plus(l.stuck().limit())).reversed());
        List<Item> listed = new ArrayList<>();
        for (Late l : late.subList(0, Math.min(LISTED, late.size()))) {
            AssessmentOrder o = l.order();
            String name = o.candidateId() == null ? "" : queries.candidate(o.candidateId())
                    .map(Candidate::displayName).orElse(o.candidateId());
            listed.add(new Item(o.candidateId(), name, o.packageName(),
                    OrderStateText.stuckText(o, times, now), l.stuck().since().plus(l.stuck().limit())));
        }
        return new Found(late.size(), listed);
    }

    private record Late(AssessmentOrder order, StuckRule.Stuck stuck) {
    }
}
