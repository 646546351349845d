package dev.recruitdesk.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that creates dialogs: every dialog is owned by the main window, modal to it and centred on it,
 * and carries the app's stylesheet.
 */
public final class DialogService {

    private final Supplier<Window> owner;

    public DialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    public Window owner() {
        return owner.get();
    }

    /** A modal stage sized to its content and centred on the main window; the caller shows it. */
    public Stage modal(String title, Parent content) {
        Stage stage = new Stage();
        stage.initOwner(owner.get());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(content);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setScene(scene);
        stage.setResizable(true);
        // An event handler, not setOnShown: callers may add their own "on shown" (focus) without losing the centring.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> centreOnOwner(stage));
        return stage;
    }

    public boolean confirm(String title, String text, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(dev.recruitdesk.ui.common.Messages.get("common.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, no);
        alert.initOwner(owner.get());
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.getDialogPane().getStylesheets().add(MainWindow.stylesheet());
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (suggestedName != null) {
            chooser.setInitialFileName(suggestedName);
        }
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private void centreOnOwner(Stage stage) {
        Window w = owner.get();
        if (w == null) {
            stage.centerOnScreen();
            return;
        }
        stage.setX(w.getX() + (w.getWidth() - stage.getWidth()) / 2);
        stage.setY(w.getY() + (w.getHeight() - stage.getHeight()) / 3);
    }
}
