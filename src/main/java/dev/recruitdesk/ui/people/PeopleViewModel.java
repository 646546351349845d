package dev.recruitdesk.ui.people;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Errors;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * The People list: search text and status filter become a {@link CandidateFilter}; counting and paging run in the
 * cache through the TaskRunner; the rows live in a {@link PagedCandidateList}. The view debounces typing and calls
 * {@link #applyFilter()}.
 */
public final class PeopleViewModel {

    public enum State { LOADING, FIRST_SYNC, EMPTY_CACHE, NO_MATCH, ROWS, ERROR }

    /**
     * Change events and sync progress refresh the list at most this often: a full sync publishes a change per page
     * written, and each refresh is a count, a page and a swap of the table's rows.
     */
    static final long CHANGE_REFRESH_MILLIS = 250;

    private final CandidateQueries queries;
    private final TaskRunner tasks;
    private final PagedCandidateList rows;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<StatusOption> statusFilter = new SimpleObjectProperty<>(StatusOption.ALL);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final IntegerProperty count = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noMatchText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper syncProgressText = new ReadOnlyStringWrapper("");
    private final SimpleObjectProperty<Double> syncProgress = new SimpleObjectProperty<>(-1.0);
    private final BooleanProperty errorIsSettings = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper offlineText = new ReadOnlyStringWrapper("");

    private SyncStatus lastSync = SyncStatus.initial();
    private long generation;
    private CandidateFilter lastApplied;
    private boolean refreshRunning;
    private boolean refreshAgain;
    private Runnable onRefreshed = () -> { };
    private Runnable onBeforeRefresh = () -> { };
    private boolean changeRefreshScheduled;
    private boolean firstRefreshDone;
    private final List<Runnable> afterFirstRefresh = new java.util.ArrayList<>();

    public PeopleViewModel(CandidateQueries queries, TaskRunner tasks) {
        this.queries = queries;
        this.tasks = tasks;
        this.rows = new PagedCandidateList(queries, tasks);
    }

    public PagedCandidateList rows() {
        return rows;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<StatusOption> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noMatchTextProperty() {
        return noMatchText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncProgressTextProperty() {
        return syncProgressText.getReadOnlyProperty();
    }

    /** What to say under "No candidates yet": the last sync error when there is one. */
    public String emptyCacheDetail() {
        return lastSync.lastError() == null || lastSync.lastError().isBlank()
                ? Messages.get("people.emptyCacheDetail")
                : Messages.format("people.emptyCacheError", lastSync.lastError());
    }

    /** 0..1, or -1 while the total is unknown. */
    public SimpleObjectProperty<Double> syncProgressProperty() {
        return syncProgress;
    }

    /** Non-empty while SmartRecruiters cannot be reached: the list shows cached data, and says how old. */
    public ReadOnlyStringProperty offlineTextProperty() {
        return offlineText.getReadOnlyProperty();
    }

    public BooleanProperty errorIsSettingsProperty() {
        return errorIsSettings;
    }

    /** Called after each refresh (new filter or changed data), so the view can restore its selection. */
    /** Runs on the FX thread just before the rows are replaced (the view then knows a selection loss is not the user's). */
    public void setOnBeforeRefresh(Runnable r) {
        onBeforeRefresh = r;
    }

    public void setOnRefreshed(Runnable r) {
        onRefreshed = r == null ? () -> { } : r;
    }

    /** Runs {@code r} (FX thread) once the first refresh has been applied, or at once if it has. */
    public void whenFirstRefreshed(Runnable r) {
        if (firstRefreshDone) {
            r.run();
        } else {
            afterFirstRefresh.add(r);
        }
    }

    private void firstRefreshApplied() {
        if (!firstRefreshDone) {
            firstRefreshDone = true;
            List<Runnable> waiting = List.copyOf(afterFirstRefresh);
            afterFirstRefresh.clear();
            waiting.forEach(Runnable::run);
        }
    }

    public CandidateFilter currentFilter() {
        StatusOption option = statusFilter.get() == null ? StatusOption.ALL : statusFilter.get();
        return new CandidateFilter(searchText.get(), option.kind());
    }

    /** Counts and loads the first page for the current search and filter. */
    public void applyFilter() {
        if (refreshRunning) {
            refreshAgain = true;
            return;
        }
        refreshRunning = true;
        long gen = ++generation;
        CandidateFilter filter = currentFilter();
        // A background refresh of the same filter keeps what is shown (no flicker of "no match" / "Clear search");
        // only a new filter over an empty list shows the loading state.
        if (rows.isEmpty() && !filter.equals(lastApplied)) {
            state.set(State.LOADING);
        }
        lastApplied = filter;
        tasks.run(() -> {
            int n = queries.count(filter);
            List<CandidateRow> first = n == 0 ? List.of() : queries.page(filter, 0, PagedCandidateList.PAGE_SIZE);
            return new Counted(n, first);
        }, counted -> {
            finishRefresh();
            if (gen != generation) {
                return;
            }
            onBeforeRefresh.run();
            rows.reset(filter, counted.count, counted.firstPage);
            count.set(counted.count);
            countText.set(Messages.format("people.count", counted.count));
            if (counted.count > 0) {
                state.set(State.ROWS);
            } else if (filter.text().isEmpty() && filter.statusKind() == null) {
                state.set(lastSync.running() || lastSync.lastSuccess() == null && lastSync.lastError() == null
                        ? State.FIRST_SYNC : State.EMPTY_CACHE);
            } else {
                noMatchText.set(filter.text().isEmpty()
                        ? Messages.format("people.noMatchStatus", statusFilter.get().toString())
                        : Messages.format("people.noMatch", filter.text()));
                state.set(State.NO_MATCH);
            }
            onRefreshed.run();
            firstRefreshApplied();
        }, err -> {
            finishRefresh();
            if (gen != generation) {
                return;
            }
            errorText.set(Errors.describe(err));
            errorIsSettings.set(Errors.isSettingsProblem(err));
            state.set(State.ERROR);
            firstRefreshApplied();
        });
    }

    private void finishRefresh() {
        refreshRunning = false;
        if (refreshAgain) {
            refreshAgain = false;
            tasks.runOnUi(this::applyFilter);
        }
    }

    public void clearSearch() {
        searchText.set("");
        statusFilter.set(StatusOption.ALL);
        applyFilter();
    }

    /** From the ChangeFeed (any thread): refresh once for a burst of events. */
    public void onChange(ChangeEvent event) {
        if (event.kind() == ChangeEvent.Kind.SETTINGS) {
            return;
        }
        tasks.runOnUi(this::refreshSoon);
    }

    /** FX thread: one refresh {@link #CHANGE_REFRESH_MILLIS} from now for every change until then. */
    private void refreshSoon() {
        if (changeRefreshScheduled) {
            return;
        }
        changeRefreshScheduled = true;
        tasks.runOnUiAfter(CHANGE_REFRESH_MILLIS, () -> {
            changeRefreshScheduled = false;
            applyFilter();
        });
    }

    /** From the SyncService (any thread). */
    public void onSyncStatus(SyncStatus status) {
        tasks.runOnUi(() -> {
            boolean finishedNow = lastSync.running() && !status.running();
            lastSync = status;
            offlineText.set(status.online() ? "" : status.lastSuccess() == null ? Messages.get("people.offlineNever")
                    : Messages.format("people.offline", TimeFormat.relative(status.lastSuccess())));
            if (status.phase() == SyncStatus.Phase.FULL_SYNC && status.total() > 0) {
                syncProgress.set(Math.min(1.0, status.done() / (double) status.total()));
                syncProgressText.set(Messages.format("people.syncProgress", status.done(), status.total()));
            } else if (status.running()) {
                syncProgress.set(-1.0);
                syncProgressText.set(Messages.format("people.syncProgressUnknown", status.done()));
            }
            State s = state.get();
            // During a full sync the list grows page by page: follow it (refreshes coalesce while one is running).
            boolean growing = status.phase() == SyncStatus.Phase.FULL_SYNC && status.done() > 0;
            if (finishedNow || s == State.FIRST_SYNC && !status.running()) {
                applyFilter();
            } else if (growing) {
                refreshSoon();
            }
        });
    }

    private record Counted(int count, List<CandidateRow> firstPage) {
    }
}
