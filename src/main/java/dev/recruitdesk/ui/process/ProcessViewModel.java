package dev.recruitdesk.ui.process;

import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.service.FieldProblem;
import dev.recruitdesk.service.HiringProcessService;
import dev.recruitdesk.service.HiringProcessService.RulePreview;
import dev.recruitdesk.service.HiringProcessService.StepMember;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Words;
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

/**
 * The hiring-process screen: processes and their steps, adding a step, and the rule editor of the selected step with
 * its preview. Every service call goes through the {@link TaskRunner}; properties change on the FX thread only.
 */
public final class ProcessViewModel {

    /** One line of the steps table: where the step sits, its name and what it orders (blank: nothing). */
    public record StepRow(String status, String step, String assessment) {
    }

    private final HiringProcessService service;
    private final TaskRunner tasks;

    private final ObservableList<HiringProcess> processes = FXCollections.observableArrayList();
    private final ObjectProperty<HiringProcess> process = new SimpleObjectProperty<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObjectProperty<StepRow> step = new SimpleObjectProperty<>();
    private final StringProperty newStepStatus = new SimpleStringProperty("IN_REVIEW");
    private final StringProperty newStepName = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final ObservableList<Partner> partners = FXCollections.observableArrayList();
    private final ObjectProperty<Partner> partner = new SimpleObjectProperty<>();
    private final ObservableList<AssessmentPackage> packages = FXCollections.observableArrayList();
    private final ObjectProperty<AssessmentPackage> pkg = new SimpleObjectProperty<>();
    private final BooleanProperty onMove = new SimpleBooleanProperty(true);
    private final BooleanProperty onAdd = new SimpleBooleanProperty(false);
    private final BooleanProperty orderExisting = new SimpleBooleanProperty(false);
    private final StringProperty partnerError = new SimpleStringProperty("");
    private final StringProperty packageError = new SimpleStringProperty("");
    private final ObservableList<StepMember> inStep = FXCollections.observableArrayList();
    private final StringProperty previewText = new SimpleStringProperty("");
    private final StringProperty existingChoiceText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final java.util.Map<String, String> packageNames = new java.util.HashMap<>();
    private String pendingPackageId;
    /** Set while rows only get new labels: the selected step stays as the recruiter is editing it. */
    private boolean relabelling;
    private long previewGeneration;

    public ProcessViewModel(HiringProcessService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        process.addListener((o, a, b) -> showSteps());
        step.addListener((o, a, b) -> {
            if (!relabelling) {
                editStep(b);
            }
        });
        partner.addListener((o, a, b) -> loadPackages(b));
        pkg.addListener((o, a, b) -> refreshPreview());
        onMove.addListener((o, a, b) -> refreshPreview());
        onAdd.addListener((o, a, b) -> refreshPreview());
        newStepName.addListener((o, a, b) -> nameError.set(""));
    }

    public void load() {
        busy.set(true);
        tasks.run(service::processes, list -> {
            busy.set(false);
            String keep = process.get() == null ? null : process.get().id();
            processes.setAll(list);
            process.set(list.stream().filter(p -> p.id().equals(keep)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
        }, this::failed);
        tasks.run(service::partners, list -> {
            partners.setAll(list);
            relabelSteps();
        }, e -> message.set("Partners cannot be listed: " + e.getMessage()));
    }

    public void addStep() {
        HiringProcess p = process.get();
        if (p == null) {
            return;
        }
        String name = newStepName.get() == null ? "" : newStepName.get().strip();
        // Checked here as well as in the service, so the message shows without a round trip.
        if (name.isEmpty()) {
            nameError.set("A step name is required");
            return;
        }
        if (p.hasStepNamed(name)) {
            nameError.set("\"" + name + "\" is already a step of " + p.name());
            return;
        }
        String status = newStepStatus.get();
        busy.set(true);
        tasks.run(() -> service.addStep(p, status, name), saved -> {
            busy.set(false);
            replaceProcess(saved);
            newStepName.set("");
            message.set("Added the step " + name + " under " + Words.humanize(status));
            steps.stream().filter(r -> r.step().equals(name)).findFirst().ifPresent(step::set);
        }, this::failed);
    }

    public void save() {
        HiringProcess p = process.get();
        StepRow row = step.get();
        if (p == null || row == null) {
            message.set("Choose a step first");
            return;
        }
        partnerError.set(partner.get() == null ? "Choose a partner" : "");
        packageError.set(pkg.get() == null ? "Choose a package" : "");
        if (partner.get() == null || pkg.get() == null) {
            return;
        }
        StepAssessment rule = rule(row);
        boolean existing = orderExisting.get();
        busy.set(true);
        tasks.run(() -> service.save(p, rule, existing), saved -> {
            busy.set(false);
            replaceProcess(saved.process());
            message.set(saved.ordersPlaced().isEmpty() ? "Saved the assessment of " + row.step()
                    : "Saved; ordered " + pkg.get().name() + " for " + saved.ordersPlaced().size()
                    + " candidate(s) already in " + row.step());
            refreshPreview();
        }, this::failed);
    }

    public void removeRule() {
        HiringProcess p = process.get();
        StepRow row = step.get();
        if (p == null || row == null) {
            return;
        }
        busy.set(true);
        tasks.run(() -> service.removeRule(p, row.status(), row.step()), saved -> {
            busy.set(false);
            replaceProcess(saved);
            message.set(row.step() + " orders nothing any more");
        }, this::failed);
    }

    private StepAssessment rule(StepRow row) {
        return new StepAssessment(row.status(), row.step(), partner.get() == null ? null : partner.get().id(),
                pkg.get() == null ? null : pkg.get().id(), onMove.get(), onAdd.get());
    }

    private void replaceProcess(HiringProcess saved) {
        StepRow keep = step.get();
        int i = indexOf(saved.id());
        if (i >= 0) {
            processes.set(i, saved);
        }
        process.set(saved);
        if (keep != null) {
            steps.stream().filter(r -> r.status().equals(keep.status()) && r.step().equals(keep.step())).findFirst()
                    .ifPresent(step::set);
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void showSteps() {
        HiringProcess p = process.get();
        List<StepRow> rows = new ArrayList<>();
        if (p != null) {
            for (String status : HiringProcess.STEP_STATUSES) {
                for (String s : p.stepsOf(status)) {
                    String what = p.assessmentOf(status, s).map(this::describe).orElse("");
                    rows.add(new StepRow(status, s, what));
                }
            }
        }
        steps.setAll(rows);
        step.set(null);
    }

    /** Names arrive after the steps (partners and packages are separate calls): the rows are relabelled then. */
    private void relabelSteps() {
        StepRow keep = step.get();
        HiringProcess p = process.get();
        if (p == null) {
            return;
        }
        relabelling = true;
        try {
            relabel(p, keep);
        } finally {
            relabelling = false;
        }
    }

    private void relabel(HiringProcess p, StepRow keep) {
        for (int i = 0; i < steps.size(); i++) {
            StepRow r = steps.get(i);
            String what = p.assessmentOf(r.status(), r.step()).map(this::describe).orElse("");
            if (!what.equals(r.assessment())) {
                StepRow updated = new StepRow(r.status(), r.step(), what);
                steps.set(i, updated);
                if (r.equals(keep)) {
                    step.set(updated);
                }
            }
        }
    }

    private String describe(StepAssessment a) {
        String pkgName = packageNames.get(a.packageId());
        if (pkgName == null) {
            pkgName = partners.stream().filter(pt -> pt.id().equals(a.partnerId())).map(Partner::name).findFirst()
                    .orElse("An assessment");
        }
        String when = a.onMove() && a.onAdd() ? "on add and on move" : a.onMove() ? "on move" : a.onAdd() ? "on add"
                : "off";
        return pkgName + " (" + when + ")";
    }

    private void editStep(StepRow row) {
        partnerError.set("");
        packageError.set("");
        orderExisting.set(false);
        HiringProcess p = process.get();
        StepAssessment current = row == null || p == null ? null : p.assessmentOf(row.status(), row.step()).orElse(null);
        if (current != null) {
            pendingPackageId = current.packageId();
            onMove.set(current.onMove());
            onAdd.set(current.onAdd());
            Partner match = partners.stream().filter(x -> x.id().equals(current.partnerId())).findFirst().orElse(null);
            if (match != null && match.equals(partner.get())) {
                selectPendingPackage();
            } else {
                partner.set(match);
            }
        } else {
            pendingPackageId = null;
            onMove.set(true);
            onAdd.set(false);
            pkg.set(null);
        }
        refreshPreview();
    }

    private void loadPackages(Partner p) {
        packages.clear();
        pkg.set(null);
        partnerError.set("");
        if (p == null) {
            return;
        }
        tasks.run(() -> service.packages(p.id()), list -> {
            list.forEach(k -> packageNames.put(k.id(), k.name()));
            relabelSteps();
            if (p.equals(partner.get())) {
                packages.setAll(list);
                selectPendingPackage();
            }
        }, this::failed);
    }

    private void selectPendingPackage() {
        if (pendingPackageId != null) {
            packages.stream().filter(k -> k.id().equals(pendingPackageId)).findFirst().ifPresent(pkg::set);
            pendingPackageId = null;
        }
    }

    /** Reads who is in the step from the cache and says what the rule will do; the latest request wins. */
    public void refreshPreview() {
        HiringProcess p = process.get();
        StepRow row = step.get();
        packageError.set("");
        if (p == null || row == null) {
            inStep.clear();
            previewText.set("Choose a step to configure its assessment.");
            existingChoiceText.set("");
            return;
        }
        StepAssessment rule = rule(row);
        long generation = ++previewGeneration;
        tasks.run(() -> service.preview(p, rule), preview -> {
            if (generation == previewGeneration) {
                showPreview(row, preview);
            }
        }, this::failed);
    }

    private void showPreview(StepRow row, RulePreview preview) {
        inStep.setAll(preview.inStep());
        String pkgName = pkg.get() == null ? "the package" : pkg.get().name();
        StringBuilder text = new StringBuilder();
        int n = preview.inStep().size();
        text.append(n == 0 ? "Nobody is in " + row.step() + " now."
                : n + (n == 1 ? " candidate is" : " candidates are") + " in " + row.step() + " now");
        if (n > 0) {
            int already = n - preview.wouldOrderNow();
            text.append(already > 0 ? " (" + already + " already with an open " + pkgName + " order)." : ".");
        }
        if (!preview.ordersOnMove() && !preview.ordersOnAdd()) {
            text.append("\nThis rule is off: it orders nothing.");
        }
        if (preview.ordersOnMove()) {
            text.append("\nNext move: whoever is moved into ").append(row.step()).append(" gets ").append(pkgName)
                    .append(", once (never a second order while one is open).");
        }
        if (preview.ordersOnAdd()) {
            text.append("\nNext add: every candidate added to ").append(preview.jobs().size())
                    .append(preview.jobs().size() == 1 ? " job" : " jobs").append(" of this process gets ")
                    .append(pkgName).append('.');
        }
        previewText.set(text.toString());
        existingChoiceText.set("Order for the " + preview.wouldOrderNow() + " already there");
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof FieldProblem f) {
            switch (f.field()) {
                case "partner" -> partnerError.set(f.getMessage());
                case "package" -> packageError.set(f.getMessage());
                default -> nameError.set(f.getMessage());
            }
        } else {
            message.set(e.getMessage() == null ? "Something went wrong" : e.getMessage());
        }
    }

    // ---- properties for the view and tests

    public ObservableList<HiringProcess> processes() { return processes; }
    public ObjectProperty<HiringProcess> processProperty() { return process; }
    public ObservableList<StepRow> steps() { return steps; }
    public ObjectProperty<StepRow> stepProperty() { return step; }
    public StringProperty newStepStatusProperty() { return newStepStatus; }
    public StringProperty newStepNameProperty() { return newStepName; }
    public StringProperty nameErrorProperty() { return nameError; }
    public ObservableList<Partner> partners() { return partners; }
    public ObjectProperty<Partner> partnerProperty() { return partner; }
    public ObservableList<AssessmentPackage> packages() { return packages; }
    public ObjectProperty<AssessmentPackage> packageProperty() { return pkg; }
    public BooleanProperty onMoveProperty() { return onMove; }
    public BooleanProperty onAddProperty() { return onAdd; }
    public BooleanProperty orderExistingProperty() { return orderExisting; }
    public StringProperty partnerErrorProperty() { return partnerError; }
    public StringProperty packageErrorProperty() { return packageError; }
    public ObservableList<StepMember> inStep() { return inStep; }
    public StringProperty previewTextProperty() { return previewText; }
    public StringProperty existingChoiceTextProperty() { return existingChoiceText; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty busyProperty() { return busy; }
}
