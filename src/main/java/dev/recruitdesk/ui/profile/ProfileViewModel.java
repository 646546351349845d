package dev.recruitdesk.ui.profile;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.service.ProfileService;
import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Errors;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.TimeFormat;
import dev.recruitdesk.ui.results.OrderStateText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One candidate: shows the cached copy at once, then asks SmartRecruiters for fresh data in the background.
 * Orders are grouped per application so a candidate on three jobs shows three sections.
 */
public final class ProfileViewModel {

    public enum State { LOADING, READY, NOT_FOUND, ERROR }

    private final String candidateId;
    private final CandidateQueries queries;
    private final ProfileService profiles;
    private final TaskRunner tasks;
    private final Supplier<SyncStatus> syncStatus;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final ObjectProperty<Candidate> candidate = new SimpleObjectProperty<>();
    private final ObservableList<AssessmentOrder> orders = FXCollections.observableArrayList();
    private final ObservableList<ApplicationSection> sections = FXCollections.observableArrayList();
    private final BooleanProperty updating = new SimpleBooleanProperty();
    private final StringProperty staleText = new SimpleStringProperty("");
    private final StringProperty errorText = new SimpleStringProperty("");
    /** Moves of this candidate waiting in the outbox, one line each; empty when none. */
    private final StringProperty queuedText = new SimpleStringProperty("");
    private final ObjectProperty<PackageTimes> packageTimes = new SimpleObjectProperty<>(PackageTimes.NONE);
    private long generation;

    public ProfileViewModel(String candidateId, CandidateQueries queries, ProfileService profiles, TaskRunner tasks,
                            Supplier<SyncStatus> syncStatus) {
        this.candidateId = candidateId;
        this.queries = queries;
        this.profiles = profiles;
        this.tasks = tasks;
        this.syncStatus = syncStatus;
    }

    public String candidateId() {
        return candidateId;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObjectProperty<Candidate> candidateProperty() {
        return candidate;
    }

    public ObservableList<AssessmentOrder> orders() {
        return orders;
    }

    public ObservableList<ApplicationSection> sections() {
        return sections;
    }

    public BooleanProperty updatingProperty() {
        return updating;
    }

    /** Non-empty when the refresh failed and the screen shows the cached copy. */
    public StringProperty staleTextProperty() {
        return staleText;
    }

    public StringProperty errorTextProperty() {
        return errorText;
    }

    public StringProperty queuedTextProperty() {
        return queuedText;
    }

    /** How long each package usually takes (read from the cache with the orders). */
    public ObjectProperty<PackageTimes> packageTimesProperty() {
        return packageTimes;
    }

    /** "Waiting longer than usual: ..." for an order past its package's usual time; empty otherwise. */
    public String stuckText(AssessmentOrder order) {
        return OrderStateText.stuckText(order, packageTimes.get(), TimeFormat.now());
    }

    /** Why a send failed or waits (with attempts), or the server's last error; empty when there is none. */
    public String problemText(AssessmentOrder order) {
        return OrderStateText.problem(order);
    }

    /** How many of the candidate's orders need the recruiter: stuck, or a send that failed or waits with an error. */
    public long needsAttention() {
        return orders.stream().filter(o -> !stuckText(o).isEmpty() || !problemText(o).isEmpty()).count();
    }

    /** Cache first (instant, offline too), then a background refresh from SmartRecruiters. */
    public void load() {
        reloadFromCache(true);
    }

    public void refresh() {
        updating.set(true);
        staleText.set("");
        tasks.run(() -> profiles.refresh(candidateId), fresh -> {
            updating.set(false);
            reloadFromCache(false);
        }, err -> {
            updating.set(false);
            if (candidate.get() == null) {
                errorText.set(Errors.describe(err));
                state.set(State.ERROR);
                return;
            }
            SyncStatus s = syncStatus.get();
            staleText.set(s == null || s.lastSuccess() == null
                    ? Messages.get("profile.staleNoDate")
                    : Messages.format("profile.stale", TimeFormat.relative(s.lastSuccess())));
        });
    }

    /** The order the modal just queued shows at once, before the cache announces it. */
    public void addQueued(AssessmentOrder order) {
        orders.add(0, order);
        regroup();
    }

    /** From the ChangeFeed (any thread). */
    public void onChange(ChangeEvent event) {
        if (event.kind() != ChangeEvent.Kind.SETTINGS && event.touches(candidateId)) {
            tasks.runOnUi(() -> reloadFromCache(false));
        }
    }

    private void reloadFromCache(boolean thenRefresh) {
        long gen = ++generation;
        tasks.run(() -> new Loaded(queries.candidate(candidateId), queries.orders(candidateId),
                queries.queuedMoves(candidateId), queries.packageTimes()), loaded -> {
            if (gen != generation) {
                return;
            }
            if (loaded.candidate.isPresent()) {
                queuedText.set(String.join("\n", loaded.queuedMoves));
                candidate.set(loaded.candidate.get());
                packageTimes.set(loaded.packageTimes);
                orders.setAll(loaded.orders);
                regroup();
                state.set(State.READY);
            } else if (!thenRefresh && candidate.get() == null) {
                state.set(State.NOT_FOUND);
            }
            if (thenRefresh) {
                refresh();
            }
        }, err -> {
            if (gen != generation) {
                return;
            }
            errorText.set(Errors.describe(err));
            state.set(State.ERROR);
        });
    }

    private void regroup() {
        Candidate c = candidate.get();
        List<AssessmentOrder> list = new ArrayList<>(orders);
        sections.setAll(ApplicationSection.group(c == null ? List.of() : c.applications(), list));
    }

    /** The latest copy of an order (by server id or idempotency key), for the results panel. */
    public Optional<AssessmentOrder> find(AssessmentOrder like) {
        return orders.stream().filter(o -> sameOrder(o, like)).findFirst();
    }

    static boolean sameOrder(AssessmentOrder a, AssessmentOrder b) {
        if (a.idempotencyKey() != null && a.idempotencyKey().equals(b.idempotencyKey())) {
            return true;
        }
        return a.id() != null && a.id().equals(b.id());
    }

    private record Loaded(Optional<Candidate> candidate, List<AssessmentOrder> orders, List<String> queuedMoves,
                          PackageTimes packageTimes) {
    }
}
