package dev.recruitdesk.ui.process;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.HiringProcessService;
import dev.recruitdesk.service.MoveService;
import dev.recruitdesk.service.MoveService.MoveRequest;
import dev.recruitdesk.service.MoveService.MoveResult;
import dev.recruitdesk.service.MoveService.MoveSummary;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.Words;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The move dialog: where to, a progress bar, one result line per application and a summary. */
public final class MoveViewModel {

    /** A place to move to: a status, optionally one of its steps, and what the step orders (may be null). */
    public record Target(String status, String step, StepAssessment rule) {
        public String label() {
            String s = Words.humanize(status) + (step == null ? "" : " › " + step);
            return rule != null && rule.onMove() ? s + "  (orders an assessment)" : s;
        }
    }

    /** One line of the results table. */
    public record RowState(MoveRequest row, String result, String orders) {
    }

    private static final List<String> PLAIN_STATUSES = List.of("NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED",
            "REJECTED");

    private final HiringProcessService processes;
    private final MoveService moves;
    private final CandidateQueries candidates;
    private final TaskRunner tasks;
    private final List<String> candidateIds;
    private final List<MoveRequest> requests = new ArrayList<>();
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    private final ObservableList<RowState> rows = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty canRetry = new SimpleBooleanProperty(false);
    private MoveSummary last;

    /** Moves the given applications. */
    public static MoveViewModel forApplications(HiringProcessService processes, MoveService moves,
                                                CandidateQueries candidates, TaskRunner tasks,
                                                List<MoveRequest> applications) {
        MoveViewModel vm = new MoveViewModel(processes, moves, candidates, tasks, List.of());
        vm.requests.addAll(applications);
        return vm;
    }

    /** Moves each candidate's primary application (the People list's multi-selection). */
    public static MoveViewModel forCandidates(HiringProcessService processes, MoveService moves,
                                              CandidateQueries candidates, TaskRunner tasks, List<String> ids) {
        return new MoveViewModel(processes, moves, candidates, tasks, ids);
    }

    private MoveViewModel(HiringProcessService processes, MoveService moves, CandidateQueries candidates,
                          TaskRunner tasks, List<String> candidateIds) {
        this.processes = processes;
        this.moves = moves;
        this.candidates = candidates;
        this.tasks = tasks;
        this.candidateIds = List.copyOf(candidateIds);
    }

    /** Resolves the applications (People gives candidates) and the steps of the first one's process. */
    public void load() {
        tasks.run(() -> {
            List<MoveRequest> resolved = new ArrayList<>(requests);
            for (String id : candidateIds) {
                Candidate c = candidates.candidate(id).orElse(null);
                if (c == null || c.applications().isEmpty()) {
                    continue;
                }
                ApplicationRef app = c.applications().stream().filter(ApplicationRef::primary).findFirst()
                        .orElse(c.applications().get(0));
                resolved.add(new MoveRequest(c.id(), app.jobId(), c.displayName()
                        + (app.jobTitle() == null ? "" : " · " + app.jobTitle())));
            }
            HiringProcess process = resolved.isEmpty() ? null
                    : processes.processOfJob(resolved.get(0).jobId()).orElse(null);
            return new Loaded(resolved, targetsOf(process));
        }, loaded -> {
            requests.clear();
            requests.addAll(loaded.requests());
            rows.setAll(loaded.requests().stream().map(r -> new RowState(r, "", "")).toList());
            targets.setAll(loaded.targets());
            ready.set(!requests.isEmpty());
            summary.set(toMoveSummary(requests.size()));
        }, e -> summary.set("Cannot prepare the move: " + e.getMessage()));
    }

    /** "Nothing to move", "1 application to move", "3 applications to move" (plural from the bundle). */
    static String toMoveSummary(int count) {
        return Messages.format("move.toMove", count);
    }

    private record Loaded(List<MoveRequest> requests, List<Target> targets) {
    }

    static List<Target> targetsOf(HiringProcess process) {
        List<Target> out = new ArrayList<>();
        for (String status : PLAIN_STATUSES) {
            out.add(new Target(status, null, null));
            if (process != null) {
                for (String step : process.stepsOf(status)) {
                    out.add(new Target(status, step, process.assessmentOf(status, step).orElse(null)));
                }
            }
        }
        return out;
    }

    /** Selects the target with this step name (for tests and shortcuts). */
    public void selectStep(String step) {
        targets.stream().filter(t -> step.equals(t.step())).findFirst().ifPresent(target::set);
    }

    public void start() {
        run(requests);
    }

    /** Sends only the rows that failed; the others are done (and resending them would be harmless anyway). */
    public void retryFailed() {
        if (last != null) {
            run(last.failedRows());
        }
    }

    private void run(List<MoveRequest> batch) {
        Target t = target.get();
        if (t == null || batch.isEmpty() || running.get()) {
            summary.set(t == null ? "Choose where to move them" : summary.get());
            return;
        }
        running.set(true);
        canRetry.set(false);
        progress.set(0);
        summary.set(Messages.format("move.moving", batch.size()));
        tasks.run(() -> moves.move(batch, t.status(), t.step(), (result, done, total) -> tasks.runOnUi(() -> {
            progress.set((double) done / total);
            showRow(result);
        })), s -> {
            running.set(false);
            mergeSummary(s);
        }, e -> {
            running.set(false);
            summary.set("The move stopped: " + e.getMessage());
            canRetry.set(true);
        });
    }

    private void showRow(MoveResult r) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).row().equals(r.row())) {
                String result = switch (r.outcome()) {
                    case MOVED -> "Moved";
                    case ALREADY_THERE -> "Already there";
                    case FAILED -> "Failed: " + r.message();
                    case QUEUED -> r.message(); // "Queued: will be sent when you are back online"
                };
                String orders = r.ordersCaused().stream().map(AssessmentOrder::packageName)
                        .collect(Collectors.joining(", "));
                rows.set(i, new RowState(r.row(), result, orders.isEmpty() ? "" : "Ordered " + orders));
            }
        }
    }

    private void mergeSummary(MoveSummary s) {
        // A retry reports only the retried rows; the summary counts the table, which holds every row's latest result.
        last = s;
        long moved = rows.stream().filter(r -> r.result().equals("Moved")).count();
        long there = rows.stream().filter(r -> r.result().equals("Already there")).count();
        long failed = rows.stream().filter(r -> r.result().startsWith("Failed")).count();
        long queued = rows.stream().filter(r -> r.result().startsWith("Queued")).count();
        long ordered = rows.stream().filter(r -> !r.orders().isEmpty()).count();
        StringBuilder b = new StringBuilder();
        b.append(moved).append(" moved");
        if (there > 0) {
            b.append(", ").append(there).append(" already there");
        }
        if (failed > 0) {
            b.append(", ").append(failed).append(" failed");
        }
        if (queued > 0) {
            b.append(", ").append(queued).append(" queued: will be sent when you are back online");
        }
        b.append(ordered > 0 ? ". " + ordered + " assessment order(s) placed by the step." : ".");
        summary.set(b.toString());
        canRetry.set(failed > 0);
    }

    public ObservableList<Target> targets() { return targets; }
    public ObjectProperty<Target> targetProperty() { return target; }
    public ObservableList<RowState> rows() { return rows; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty summaryProperty() { return summary; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty readyProperty() { return ready; }
    public BooleanProperty canRetryProperty() { return canRetry; }
}
