package dev.recruitdesk.ui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.recruitdesk.domain.Validation;
import dev.recruitdesk.service.AccountSettings.AuthMode;
import dev.recruitdesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Settings: the SmartRecruiters account, the assessment integration, where secrets are kept, and link health. */
public final class SettingsView extends ScrollPane {

    private final SettingsViewModel vm;
    private final Runnable onLeaveDemo;

    public SettingsView(SettingsViewModel vm, Runnable onLeaveDemo) {
        this.vm = vm;
        this.onLeaveDemo = onLeaveDemo;
        setId("settings-view");
        setFitToWidth(true);
        getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox page = new VBox(24);
        page.setPadding(new Insets(20, 24, 24, 24));
        page.setMaxWidth(860);
        Label title = new Label(Messages.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label loadError = new Label();
        loadError.getStyleClass().add(Styles.DANGER);
        loadError.textProperty().bind(vm.loadErrorProperty());
        loadError.managedProperty().bind(loadError.textProperty().isNotEmpty());
        loadError.visibleProperty().bind(loadError.managedProperty());
        page.getChildren().addAll(title, demoBanner(), loadError, accountSection(), integrationSection(), healthSection());
        setContent(page);
    }

    private Node demoBanner() {
        Label text = new Label(Messages.get("settings.demoBanner"), new FontIcon(MaterialDesignF.FLASK_OUTLINE));
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button leave = new Button(Messages.get("settings.leaveDemo"));
        leave.setId("settings-leave-demo");
        leave.setMinWidth(Button.USE_PREF_SIZE);
        leave.setOnAction(e -> vm.leaveDemoMode(onLeaveDemo));
        HBox box = new HBox(12, text, leave);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("settings-demo-banner");
        box.getStyleClass().add("demo-banner");
        box.managedProperty().bind(vm.demoModeProperty());
        box.visibleProperty().bind(vm.demoModeProperty());
        return box;
    }

    private Node accountSection() {
        GridPane form = form();
        TextField url = new TextField();
        url.setId("settings-base-url");
        url.setPromptText("https://api.smartrecruiters.com");
        url.textProperty().bindBidirectional(vm.baseUrlProperty());
        cleanOnLeave(url);
        int row = 0;
        addField(form, row++, Messages.get("settings.baseUrl"), url, vm.baseUrlErrorBinding(), "settings-base-url-error");

        ToggleGroup mode = new ToggleGroup();
        RadioButton keyMode = new RadioButton(Messages.get("settings.mode.apiKey"));
        keyMode.setId("settings-mode-key");
        keyMode.setToggleGroup(mode);
        RadioButton oauthMode = new RadioButton(Messages.get("settings.mode.oauth"));
        oauthMode.setId("settings-mode-oauth");
        oauthMode.setToggleGroup(mode);
        keyMode.setSelected(vm.authModeProperty().get() == AuthMode.API_KEY);
        oauthMode.setSelected(vm.authModeProperty().get() == AuthMode.OAUTH);
        vm.authModeProperty().addListener((o, a, b) -> (b == AuthMode.OAUTH ? oauthMode : keyMode).setSelected(true));
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.authModeProperty().set(b == oauthMode ? AuthMode.OAUTH : AuthMode.API_KEY);
            }
        });
        addField(form, row++, Messages.get("settings.authMode"), new HBox(16, keyMode, oauthMode), null, null);

        PasswordField key = new PasswordField();
        key.setId("settings-api-key");
        key.textProperty().bindBidirectional(vm.apiKeyProperty());
        key.promptTextProperty().bind(Bindings.when(vm.apiKeyStoredProperty())
                .then(Messages.get("settings.stored")).otherwise(Messages.get("settings.apiKeyPrompt")));
        cleanOnLeave(key);
        Node[] keyRow = addField(form, row++, Messages.get("settings.apiKey"), key, vm.apiKeyErrorBinding(), "settings-api-key-error");
        showWhen(keyRow, vm.authModeProperty().isEqualTo(AuthMode.API_KEY));

        TextField clientId = new TextField();
        clientId.setId("settings-client-id");
        clientId.textProperty().bindBidirectional(vm.clientIdProperty());
        cleanOnLeave(clientId);
        Node[] idRow = addField(form, row++, Messages.get("settings.clientId"), clientId, vm.clientIdErrorBinding(), "settings-client-id-error");
        showWhen(idRow, vm.authModeProperty().isEqualTo(AuthMode.OAUTH));

        PasswordField secret = new PasswordField();
        secret.setId("settings-client-secret");
        secret.textProperty().bindBidirectional(vm.clientSecretProperty());
        secret.promptTextProperty().bind(Bindings.when(vm.clientSecretStoredProperty())
                .then(Messages.get("settings.stored")).otherwise(""));
        cleanOnLeave(secret);
        Node[] secretRow = addField(form, row++, Messages.get("settings.clientSecret"), secret, vm.clientSecretErrorBinding(), "settings-client-secret-error");
        showWhen(secretRow, vm.authModeProperty().isEqualTo(AuthMode.OAUTH));

        Button test = new Button(Messages.get("settings.test"), new FontIcon(MaterialDesignL.LAN_CONNECT));
        test.setId("settings-test");
        test.setMnemonicParsing(true);
        test.setMinWidth(Button.USE_PREF_SIZE);
        test.disableProperty().bind(vm.saveBlockedReasonBinding().isNotEmpty());
        test.setOnAction(e -> vm.testConnection());
        Button save = new Button(Messages.get("settings.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE));
        save.setId("settings-save");
        save.setMnemonicParsing(true);
        save.setMinWidth(Button.USE_PREF_SIZE);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.saveBlockedReasonBinding().isNotEmpty());
        save.setOnAction(e -> vm.save());
        ProgressIndicator spin = spinner(vm.busyProperty().isEqualTo(SettingsViewModel.Busy.TESTING)
                .or(vm.busyProperty().isEqualTo(SettingsViewModel.Busy.SAVING)));
        Label reason = reasonLabel(vm.saveBlockedReasonBinding(), "settings-save-reason");
        HBox buttons = new HBox(8, test, save, spin, reason);
        buttons.setAlignment(Pos.CENTER_LEFT);
        form.add(buttons, 1, row++);

        Label outcome = new Label();
        outcome.setId("settings-test-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.testOutcomeProperty());
        vm.testOutcomeKindProperty().addListener((o, a, b) -> {
            outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            outcome.setGraphic(null);
            if (b == SettingsViewModel.Outcome.OK) {
                outcome.getStyleClass().add(Styles.SUCCESS);
                outcome.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE));
            } else if (b == SettingsViewModel.Outcome.PROBLEM) {
                outcome.getStyleClass().add(Styles.DANGER);
                outcome.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE));
            }
        });
        Label saved = new Label();
        saved.setId("settings-save-outcome");
        saved.setWrapText(true);
        saved.textProperty().bind(vm.saveOutcomeProperty());
        collapseWhenEmpty(outcome);
        collapseWhenEmpty(saved);
        form.add(new VBox(4, outcome, saved), 1, row);
        return card(Messages.get("settings.accountSection"), Messages.get("settings.accountHint"), form);
    }

    private Node integrationSection() {
        GridPane form = form();
        Label state = new Label();
        state.setId("settings-integration-state");
        state.setWrapText(true);
        state.textProperty().bind(vm.integrationTextProperty());
        vm.integrationConnectedProperty().addListener((o, a, b) -> styleIntegration(state, b));
        styleIntegration(state, vm.integrationConnectedProperty().get());
        GridPane.setHalignment(state, HPos.LEFT);
        form.add(state, 0, 0, 2, 1);

        PasswordField token = new PasswordField();
        token.setId("settings-trigger-token");
        token.setPromptText(Messages.get("settings.triggerTokenPrompt"));
        token.textProperty().bindBidirectional(vm.triggerTokenProperty());
        cleanOnLeave(token);
        addField(form, 1, Messages.get("settings.triggerToken"), token, vm.triggerTokenErrorBinding(), "settings-trigger-token-error");
        TextField email = new TextField();
        email.setId("settings-email");
        email.setPromptText("name@company.com");
        email.textProperty().bindBidirectional(vm.recruiterEmailProperty());
        cleanOnLeave(email);
        addField(form, 2, Messages.get("settings.email"), email, vm.emailErrorBinding(), "settings-email-error");

        Button connect = new Button(Messages.get("settings.connect"), new FontIcon(MaterialDesignL.LINK_VARIANT));
        connect.setId("settings-connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setMinWidth(Button.USE_PREF_SIZE);
        connect.disableProperty().bind(vm.connectBlockedReasonBinding().isNotEmpty());
        connect.setOnAction(e -> vm.connectIntegration());
        ProgressIndicator spin = spinner(vm.busyProperty().isEqualTo(SettingsViewModel.Busy.CONNECTING));
        Label reason = reasonLabel(vm.connectBlockedReasonBinding(), "settings-connect-reason");
        HBox buttons = new HBox(8, connect, spin, reason);
        buttons.setAlignment(Pos.CENTER_LEFT);
        form.add(buttons, 1, 3);
        Label outcome = new Label();
        outcome.setId("settings-connect-outcome");
        outcome.setWrapText(true);
        outcome.getStyleClass().add(Styles.DANGER);
        outcome.textProperty().bind(vm.connectOutcomeProperty());
        collapseWhenEmpty(outcome);
        form.add(outcome, 1, 4);
        return card(Messages.get("settings.integrationSection"), Messages.get("settings.integrationHint"), form);
    }

    private Node healthSection() {
        Label backend = new Label();
        backend.setId("settings-secret-backend");
        backend.setGraphic(new FontIcon(MaterialDesignS.SHIELD_KEY));
        backend.textProperty().bind(vm.secretBackendProperty());
        Label health = new Label();
        health.setId("settings-health");
        health.setWrapText(true);
        health.textProperty().bind(vm.healthTextProperty());
        return card(Messages.get("settings.healthSection"), null, new VBox(8, backend, health));
    }

    private static void styleIntegration(Label state, boolean connected) {
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.TEXT_MUTED);
        state.getStyleClass().add(connected ? Styles.SUCCESS : Styles.TEXT_MUTED);
        state.setGraphic(new FontIcon(connected ? MaterialDesignC.CHECK_CIRCLE : MaterialDesignL.LINK_OFF));
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(180);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMaxWidth(520);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    /** Label, field and the field's own validation message below it; returns the nodes so rows can be hidden. */
    private static Node[] addField(GridPane form, int row, String label, Node field, StringBinding error, String errorId) {
        Label l = new Label(label);
        l.setLabelFor(field);
        l.setMinWidth(Label.USE_PREF_SIZE);
        VBox box = new VBox(4, field);
        if (error != null) {
            Label msg = new Label();
            msg.setId(errorId);
            msg.getStyleClass().addAll("field-error", Styles.DANGER, Styles.TEXT_SMALL);
            msg.setWrapText(true);
            msg.textProperty().bind(error);
            // A field the user has not touched yet shows no red: the disabled button already says what is missing.
            javafx.beans.property.BooleanProperty touched = new javafx.beans.property.SimpleBooleanProperty(!(field instanceof TextInputControl));
            if (field instanceof TextInputControl input) {
                input.setOnKeyTyped(e -> touched.set(true));
                input.focusedProperty().addListener((o, was, is) -> {
                    if (!is && !input.getText().isEmpty()) {
                        touched.set(true);
                    }
                });
            }
            msg.managedProperty().bind(msg.textProperty().isNotEmpty().and(touched));
            msg.visibleProperty().bind(msg.managedProperty());
            if (field instanceof TextInputControl input) {
                msg.managedProperty().addListener((o, a, b) -> input.pseudoClassStateChanged(Styles.STATE_DANGER, b));
                input.setAccessibleHelp(error.get());
                error.addListener((o, a, b) -> input.setAccessibleHelp(b));
            }
            box.getChildren().add(msg);
        }
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(6, 0, 0, 0));
        form.add(l, 0, row);
        form.add(box, 1, row);
        return new Node[]{l, box};
    }

    private static void collapseWhenEmpty(Label l) {
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
    }

    private static void showWhen(Node[] nodes, javafx.beans.binding.BooleanBinding condition) {
        for (Node n : nodes) {
            n.managedProperty().bind(condition);
            n.visibleProperty().bind(condition);
        }
    }

    /** What users paste often carries spaces or a newline: tidy the field when they leave it. */
    private static void cleanOnLeave(TextInputControl field) {
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                String clean = Validation.cleanPasted(field.getText());
                if (!clean.equals(field.getText())) {
                    field.setText(clean);
                }
            }
        });
    }

    private static ProgressIndicator spinner(javafx.beans.binding.BooleanBinding when) {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(18, 18);
        p.setMaxSize(18, 18);
        p.visibleProperty().bind(when);
        p.managedProperty().bind(when);
        return p;
    }

    private static Label reasonLabel(StringBinding reason, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.textProperty().bind(reason);
        return l;
    }

    private static Node card(String title, String hint, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(12, t);
        if (hint != null) {
            Label h = new Label(hint);
            h.getStyleClass().add(Styles.TEXT_MUTED);
            h.setWrapText(true);
            box.getChildren().add(h);
        }
        box.getChildren().add(body);
        box.getStyleClass().add("settings-card");
        return box;
    }
}
