package dev.recruitdesk.ui.process;

import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Validation;
import dev.recruitdesk.service.AddCandidateService;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.FieldProblem;
import dev.recruitdesk.ui.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Add Candidate: a form, or a résumé file. Fields are checked as they are typed (after the first edit or a submit);
 * a same email already in the cache is pointed out before sending.
 */
public final class AddCandidateViewModel {

    public enum Mode { FORM, RESUME }

    public static final String RESUME_HINT = "PDF, DOCX, DOC, RTF, ODT or TXT · up to 5 MB";

    private final AddCandidateService adds;
    private final CandidateQueries candidates;
    private final TaskRunner tasks;
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<Job> job = new SimpleObjectProperty<>();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.FORM);
    // True while a shown field error stands: "Add candidate" is disabled and the inline errors say why.
    private final javafx.beans.binding.BooleanBinding invalid;
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty jobError = new SimpleStringProperty("");
    private final StringProperty firstNameError = new SimpleStringProperty("");
    private final StringProperty lastNameError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty fileError = new SimpleStringProperty("");
    private final ObjectProperty<Path> resume = new SimpleObjectProperty<>();
    private final StringProperty resumeText = new SimpleStringProperty("No file chosen");
    private final ObservableList<Candidate> sameEmail = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Candidate> created = new SimpleObjectProperty<>();
    private boolean touched;
    private long emailCheck;

    public AddCandidateViewModel(AddCandidateService adds, CandidateQueries candidates, TaskRunner tasks) {
        this.adds = adds;
        this.candidates = candidates;
        this.tasks = tasks;
        firstName.addListener((o, a, b) -> checkIfTouched());
        lastName.addListener((o, a, b) -> checkIfTouched());
        email.addListener((o, a, b) -> {
            checkIfTouched();
            lookUpEmail(b);
        });
        job.addListener((o, a, b) -> jobError.set(""));
        invalid = javafx.beans.binding.Bindings.createBooleanBinding(() -> !jobError.get().isEmpty()
                        || (mode.get() == Mode.RESUME ? !fileError.get().isEmpty()
                        : !firstNameError.get().isEmpty() || !lastNameError.get().isEmpty() || !emailError.get().isEmpty()),
                mode, jobError, fileError, firstNameError, lastNameError, emailError);
    }

    public void load() {
        tasks.run(candidates::jobs, list -> {
            jobs.setAll(list);
            if (job.get() == null && !list.isEmpty()) {
                job.set(list.get(0));
            }
        }, e -> message.set("Jobs cannot be read: " + e.getMessage()));
    }

    /** A file from the chooser or dropped on the window: checked at once, sent on {@link #submit()}. */
    public void chooseResume(Path file) {
        mode.set(Mode.RESUME);
        resume.set(file);
        resumeText.set(file == null ? "No file chosen" : file.getFileName().toString());
        fileError.set("");
        if (file == null) {
            return;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            fileError.set("The file cannot be read");
            return;
        }
        AddCandidateService.resumeProblem(file.getFileName().toString(), size).ifPresent(fileError::set);
    }

    public void submit() {
        message.set("");
        if (job.get() == null) {
            jobError.set("Choose a job");
            return;
        }
        String jobId = job.get().id();
        if (mode.get() == Mode.RESUME) {
            Path file = resume.get();
            if (file == null) {
                fileError.set("Choose a résumé file");
                return;
            }
            if (!fileError.get().isEmpty()) {
                return;
            }
            send(() -> adds.upload(jobId, file));
            return;
        }
        touched = true;
        if (!checkFields()) {
            return;
        }
        AddCandidateService.NewCandidate form = new AddCandidateService.NewCandidate(jobId, firstName.get(),
                lastName.get(), email.get(), phone.get());
        send(() -> adds.create(form));
    }

    private void send(java.util.concurrent.Callable<Candidate> call) {
        busy.set(true);
        tasks.run(call, c -> {
            busy.set(false);
            message.set("Added " + c.displayName());
            created.set(c);
        }, e -> {
            busy.set(false);
            if (e instanceof dev.recruitdesk.service.WriteQueued) {
                // Kept in the outbox: sending the same form or file again would queue a second one.
                message.set(e.getMessage());
                resume.set(null);
            } else if (e instanceof FieldProblem f) {
                switch (f.field()) {
                    case "firstName" -> firstNameError.set(f.getMessage());
                    case "lastName" -> lastNameError.set(f.getMessage());
                    case "email" -> emailError.set(f.getMessage());
                    case "job" -> jobError.set(f.getMessage());
                    default -> fileError.set(f.getMessage());
                }
            } else {
                message.set(e.getMessage() == null ? "The candidate could not be added" : e.getMessage());
            }
        });
    }

    private void checkIfTouched() {
        if (touched || !firstName.get().isEmpty() || !lastName.get().isEmpty() || !email.get().isEmpty()) {
            touched = true;
            checkFields();
        }
    }

    /** Inline checks; true when the form can be sent. */
    private boolean checkFields() {
        firstNameError.set(firstName.get() == null || firstName.get().isBlank() ? "First name is required" : "");
        lastNameError.set(lastName.get() == null || lastName.get().isBlank() ? "Last name is required" : "");
        Optional<String> e = Validation.email(email.get());
        emailError.set(e.orElse(""));
        return firstNameError.get().isEmpty() && lastNameError.get().isEmpty() && emailError.get().isEmpty();
    }

    private void lookUpEmail(String value) {
        long ticket = ++emailCheck;
        if (Validation.email(value).isPresent()) {
            sameEmail.clear();
            return;
        }
        tasks.run(() -> adds.sameEmail(value), found -> {
            if (ticket == emailCheck) {
                sameEmail.setAll(found);
            }
        }, e -> sameEmail.clear());
    }

    public ObservableList<Job> jobs() { return jobs; }
    public ObjectProperty<Job> jobProperty() { return job; }
    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty firstNameProperty() { return firstName; }
    public StringProperty lastNameProperty() { return lastName; }
    public StringProperty emailProperty() { return email; }
    public StringProperty phoneProperty() { return phone; }
    public StringProperty jobErrorProperty() { return jobError; }
    public StringProperty firstNameErrorProperty() { return firstNameError; }
    public StringProperty lastNameErrorProperty() { return lastNameError; }
    public StringProperty emailErrorProperty() { return emailError; }
    public StringProperty fileErrorProperty() { return fileError; }
    public StringProperty resumeTextProperty() { return resumeText; }
    public ObservableList<Candidate> sameEmail() { return sameEmail; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty busyProperty() { return busy; }
    public javafx.beans.binding.BooleanBinding invalidProperty() { return invalid; }
    public ObjectProperty<Candidate> createdProperty() { return created; }

    /** The file-type filter for the chooser. */
    public static List<String> resumePatterns() {
        return AddCandidateService.RESUME_TYPES.stream().map(t -> "*." + t).toList();
    }
}
