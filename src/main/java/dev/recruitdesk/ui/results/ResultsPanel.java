package dev.recruitdesk.ui.results;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.Attachment;
import dev.recruitdesk.domain.Score;
import dev.recruitdesk.domain.StatusChange;
import dev.recruitdesk.ui.DialogService;
import dev.recruitdesk.ui.common.Messages;
import dev.recruitdesk.ui.common.StatusChip;
import dev.recruitdesk.ui.common.TimeFormat;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The side panel with one order's results; rebuilt whenever the order changes (live updates). */
public final class ResultsPanel extends ScrollPane {

    private final ResultsViewModel vm;
    private final DialogService dialogs;
    private final Runnable onClose;
    private final VBox content = new VBox(16);

    public ResultsPanel(ResultsViewModel vm, DialogService dialogs, Runnable onClose) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.onClose = onClose;
        setId("results-panel");
        getStyleClass().addAll("results-panel", Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(20));
        setContent(content);
        vm.orderProperty().addListener((o, a, b) -> rebuild());
        vm.packageTimesProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    public ResultsViewModel viewModel() {
        return vm;
    }

    private void rebuild() {
        AssessmentOrder o = vm.orderProperty().get();
        List<Node> nodes = new ArrayList<>();

        Label title = new Label(o.packageName());
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setAccessibleText(Messages.get("results.close"));
        close.setTooltip(new Tooltip(Messages.get("results.close")));
        close.setOnAction(e -> onClose.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, close);
        head.setAlignment(Pos.TOP_LEFT);
        Label partner = muted(o.partnerName());
        StatusChip chip = new StatusChip(o.status());
        chip.setId("results-status");
        Label changed = muted(vm.changedText());
        changed.setId("results-changed");
        changed.setTooltip(new Tooltip(vm.changedExact()));
        HBox state = new HBox(8, chip, changed);
        state.setAlignment(Pos.CENTER_LEFT);
        nodes.add(new VBox(6, head, partner, state));

        String stuck = vm.stuckText();
        if (!stuck.isEmpty()) {
            nodes.add(stuckBox(o, stuck));
        }
        String problem = vm.problemText();
        if (!problem.isEmpty() || vm.canRetry()) {
            nodes.add(errorBox(problem));
        }
        if (o.score() != null && o.score().value() != null && !o.score().value().isBlank()) {
            nodes.add(section(Messages.get("results.score"), scoreBox(o.score())));
        }
        if (o.summary() != null && !o.summary().isBlank()) {
            Label summary = new Label(o.summary());
            summary.setWrapText(true);
            summary.setId("results-summary");
            nodes.add(section(Messages.get("results.summary"), summary));
        }
        if (o.reportUrl() != null && !o.reportUrl().isBlank()) {
            nodes.add(section(Messages.get("results.report"), reportBox(o)));
        }
        if (!o.attachments().isEmpty()) {
            VBox list = new VBox(6);
            for (Attachment a : o.attachments()) {
                list.getChildren().add(attachmentRow(a));
            }
            nodes.add(section(Messages.get("results.attachments"), list));
        }
        nodes.add(section(Messages.get("results.history"), historyBox(o)));

        Label message = new Label();
        message.setId("results-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        nodes.add(message);
        content.getChildren().setAll(nodes);
    }

    /** Waiting longer than the package usually takes: said in words, with what the recruiter can do about it. */
    private Node stuckBox(AssessmentOrder o, String stuck) {
        Label text = new Label(stuck);
        text.setWrapText(true);
        text.setId("results-stuck");
        text.setMinHeight(Region.USE_PREF_SIZE);
        Label hint = muted(Messages.format("results.stuckHint",
                o.partnerName() == null || o.partnerName().isBlank() ? "the partner" : o.partnerName()));
        HBox line = new HBox(8, new FontIcon(MaterialDesignC.CLOCK_ALERT_OUTLINE), text);
        VBox box = new VBox(6, line, hint);
        box.getStyleClass().add("warning-box");
        box.setAccessibleText(Messages.format("results.stuckAccessible", stuck));
        return box;
    }

    private Node errorBox(String problem) {
        Label text = new Label(problem.isEmpty() ? Messages.get("results.notSent") : problem);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("results-last-error");
        VBox box = new VBox(8, new HBox(8, new FontIcon(MaterialDesignA.ALERT_CIRCLE), text));
        if (vm.canRetry()) {
            Button retry = new Button(Messages.get("common.retry"), new FontIcon(MaterialDesignR.REFRESH));
            retry.setId("results-retry");
            retry.setOnAction(e -> vm.retry());
            box.getChildren().add(retry);
        }
        box.getStyleClass().add("error-box");
        return box;
    }

    private Node scoreBox(Score score) {
        Label given = new Label(score.asGiven());
        given.setId("results-score");
        given.getStyleClass().add("score-value");
        VBox box = new VBox(6);
        if (score.label() != null && !score.label().isBlank()) {
            box.getChildren().add(muted(score.label()));
        }
        box.getChildren().add(given);
        score.normalised().ifPresent(pct -> {
            ProgressBar bar = new ProgressBar(pct / 100.0);
            bar.setId("results-score-bar");
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setAccessibleText(Messages.format("results.scorePercent", String.format(Locale.getDefault(), "%.0f", pct)));
            HBox.setHgrow(bar, Priority.ALWAYS);
            Label pctLabel = new Label(Messages.format("results.scorePercent", String.format(Locale.getDefault(), "%.0f", pct)));
            pctLabel.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(10, bar, pctLabel);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        });
        return box;
    }

    private Node reportBox(AssessmentOrder o) {
        if (vm.reportOpenable()) {
            Button open = new Button(Messages.get("results.openReport"), new FontIcon(MaterialDesignO.OPEN_IN_NEW));
            open.setId("results-open-report");
            open.getStyleClass().add(Styles.ACCENT);
            open.setTooltip(new Tooltip(o.reportUrl()));
            open.setOnAction(e -> vm.openReport());
            return open;
        }
        Label raw = new Label(o.reportUrl());
        raw.setWrapText(true);
        raw.setId("results-report-raw");
        return new VBox(4, muted(Messages.get("results.reportNotOpenable")), raw);
    }

    private Node attachmentRow(Attachment a) {
        Label name = new Label(a.name(), new FontIcon(MaterialDesignP.PAPERCLIP));
        name.setWrapText(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button open = new Button(Messages.get("results.open"), new FontIcon(MaterialDesignO.OPEN_IN_NEW));
        open.getStyleClass().add(Styles.SMALL);
        open.setOnAction(e -> vm.open(a));
        Button save = new Button(Messages.get("results.save"), new FontIcon(MaterialDesignD.DOWNLOAD));
        save.getStyleClass().add(Styles.SMALL);
        save.setOnAction(e -> dialogs.chooseSaveFile(Messages.get("results.saveTitle"), a.name())
                .ifPresent(path -> vm.save(a, path)));
        HBox row = new HBox(8, name, grow, open, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node historyBox(AssessmentOrder o) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        List<StatusChange> history = o.history();
        if (history.isEmpty()) {
            grid.addRow(0, new StatusChip(o.status()), timeLabel(o.updatedOn() != null ? o.updatedOn() : o.createdOn()));
        }
        int row = 0;
        for (StatusChange change : history) {
            grid.addRow(row++, new StatusChip(change.status()), timeLabel(change.changedOn()));
        }
        return grid;
    }

    private static Label timeLabel(java.time.Instant t) {
        Label l = new Label(TimeFormat.exact(t));
        l.setTooltip(new Tooltip(TimeFormat.relative(t)));
        return l;
    }

    private static Node section(String title, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add("section-label");
        return new VBox(6, t, body);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }
}
