package dev.recruitdesk.ui.order;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.service.OrderRequest;
import dev.recruitdesk.service.OrderService;
import dev.recruitdesk.service.ServiceException;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.common.Errors;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.StatusText;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * The Order Assessments modal: partner, then package, then Continue. Before queuing it asks for an open order with
 * the same candidate, job and package; if there is one it waits for an explicit "order again".
 */
public final class OrderViewModel {

    public enum Step { CHOOSING, CHECKING, CONFIRM_DUPLICATE, QUEUED }

    private final OrderService orders;
    private final TaskRunner tasks;
    private final ApplicationRef application;
    private final String candidateName;

    private final ObservableList<Partner> partners = FXCollections.observableArrayList();
    private final ObservableList<AssessmentPackage> packages = FXCollections.observableArrayList();
    private final ObjectProperty<Partner> partner = new SimpleObjectProperty<>();
    private final ObjectProperty<AssessmentPackage> assessmentPackage = new SimpleObjectProperty<>();
    private final BooleanProperty loadingPartners = new SimpleBooleanProperty();
    private final BooleanProperty loadingPackages = new SimpleBooleanProperty();
    private final BooleanProperty notConnected = new SimpleBooleanProperty();
    private final StringProperty errorText = new SimpleStringProperty("");
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSING);
    private final StringProperty duplicateText = new SimpleStringProperty("");
    private final ObjectProperty<AssessmentOrder> queued = new SimpleObjectProperty<>();
    private final BooleanBinding canContinue;
    private final StringBinding continueReason;
    private long packagesGeneration;

    public OrderViewModel(OrderService orders, TaskRunner tasks, ApplicationRef application, String candidateName) {
        this.orders = orders;
        this.tasks = tasks;
        this.application = application;
        this.candidateName = candidateName;
        canContinue = Bindings.createBooleanBinding(
                () -> partner.get() != null && assessmentPackage.get() != null && step.get() == Step.CHOOSING,
                partner, assessmentPackage, step);
        continueReason = Bindings.createStringBinding(() -> {
            if (partner.get() == null) {
                return Messages.get("order.reason.partner");
            }
            if (assessmentPackage.get() == null) {
                return Messages.get("order.reason.package");
            }
            if (step.get() == Step.CHECKING) {
                return Messages.get("order.checking");
            }
            return "";
        }, partner, assessmentPackage, step);
        partner.addListener((o, a, b) -> loadPackages(b));
    }

    public ApplicationRef application() {
        return application;
    }

    public String candidateName() {
        return candidateName;
    }

    public ObservableList<Partner> partners() {
        return partners;
    }

    public ObservableList<AssessmentPackage> packages() {
        return packages;
    }

    public ObjectProperty<Partner> partnerProperty() {
        return partner;
    }

    public ObjectProperty<AssessmentPackage> packageProperty() {
        return assessmentPackage;
    }

    public BooleanProperty loadingPartnersProperty() {
        return loadingPartners;
    }

    public BooleanProperty loadingPackagesProperty() {
        return loadingPackages;
    }

    /** True when the integration is not connected: the modal offers a way to Settings instead. */
    public BooleanProperty notConnectedProperty() {
        return notConnected;
    }

    public StringProperty errorTextProperty() {
        return errorText;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty duplicateTextProperty() {
        return duplicateText;
    }

    /** Set once the order is in the outbox; the modal closes and the profile shows it. */
    public ObjectProperty<AssessmentOrder> queuedProperty() {
        return queued;
    }

    public BooleanBinding canContinueBinding() {
        return canContinue;
    }

    /** Why Continue is disabled, in words; empty when it is enabled. */
    public StringBinding continueReasonBinding() {
        return continueReason;
    }

    public void loadPartners() {
        loadingPartners.set(true);
        errorText.set("");
        notConnected.set(false);
        tasks.run(orders::partners, list -> {
            loadingPartners.set(false);
            partners.setAll(list);
            if (list.isEmpty()) {
                errorText.set(Messages.get("order.noPartners"));
            } else if (list.size() == 1) {
                partner.set(list.get(0));
            }
        }, err -> {
            loadingPartners.set(false);
            if (err instanceof ServiceException se && se.reason() == ServiceException.Reason.INTEGRATION_NOT_CONNECTED) {
                notConnected.set(true);
                errorText.set(Messages.get("order.notConnected"));
            } else {
                errorText.set(Errors.describe(err));
            }
        });
    }

    private void loadPackages(Partner p) {
        long gen = ++packagesGeneration;
        assessmentPackage.set(null);
        packages.clear();
        if (p == null) {
            return;
        }
        loadingPackages.set(true);
        tasks.run(() -> orders.packages(p.id()), list -> {
            if (gen != packagesGeneration) {
                return;
            }
            loadingPackages.set(false);
            packages.setAll(list);
            if (list.isEmpty()) {
                errorText.set(Messages.format("order.noPackages", p.name()));
            } else {
                errorText.set("");
            }
        }, err -> {
            if (gen != packagesGeneration) {
                return;
            }
            loadingPackages.set(false);
            errorText.set(Errors.describe(err));
        });
    }

    /** Continue: checks for an open duplicate first; queues at once when there is none. */
    public void submit() {
        if (!canContinue.get()) {
            return;
        }
        OrderRequest request = request();
        step.set(Step.CHECKING);
        tasks.run(() -> orders.openDuplicate(request), dup -> {
            if (dup.isPresent()) {
                AssessmentOrder d = dup.get();
                duplicateText.set(Messages.format("order.duplicate", candidateName, d.packageName(),
                        StatusText.of(d.status()), TimeFormat.relative(d.updatedOn() != null ? d.updatedOn() : d.createdOn())));
                step.set(Step.CONFIRM_DUPLICATE);
            } else {
                queue(request);
            }
        }, err -> {
            step.set(Step.CHOOSING);
            errorText.set(Errors.describe(err));
        });
    }

    /** The recruiter said "Order again" to the duplicate warning. */
    public void confirmDuplicate() {
        if (step.get() == Step.CONFIRM_DUPLICATE) {
            queue(request());
        }
    }

    /** The recruiter backed out of the duplicate warning: back to choosing, nothing queued. */
    public void cancelDuplicate() {
        if (step.get() == Step.CONFIRM_DUPLICATE) {
            duplicateText.set("");
            step.set(Step.CHOOSING);
        }
    }

    private void queue(OrderRequest request) {
        step.set(Step.CHECKING);
        tasks.run(() -> orders.queue(request), order -> {
            queued.set(order);
            step.set(Step.QUEUED);
        }, err -> {
            step.set(Step.CHOOSING);
            errorText.set(Errors.describe(err));
        });
    }

    private OrderRequest request() {
        return new OrderRequest(application, partner.get(), assessmentPackage.get());
    }

    /** The description line shown under a package: its text and expected time. */
    public static String describe(AssessmentPackage p) {
        String time = p.expectedMinutes() > 0 ? Messages.format("order.expectedMinutes", p.expectedMinutes()) : "";
        String desc = p.description() == null ? "" : p.description().strip();
        return List.of(desc, time).stream().filter(s -> !s.isEmpty()).reduce((a, b) -> a + " · " + b).orElse("");
    }

    Optional<AssessmentOrder> queuedOrder() {
        return Optional.ofNullable(queued.get());
    }
}
