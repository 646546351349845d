package dev.recruitdesk.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The centred "not the normal content" pane every screen uses for its loading, empty and error states:
 * an icon or spinner, a title, a line of detail and up to two actions.
 */
public final class StateView extends VBox {

    /** How long a wait goes without a spinner. */
    static final javafx.util.Duration SPINNER_DELAY = javafx.util.Duration.millis(400);

    /** Starts the spinner's delay at the first layout (loading views only). */
    private Runnable spinnerLater;

    @Override
    protected void layoutChildren() {
        if (spinnerLater != null) {
            Runnable start = spinnerLater;
            spinnerLater = null;
            start.run();
        }
        super.layoutChildren();
    }

    private StateView() {
        setAlignment(Pos.CENTER);
        setSpacing(12);
        getStyleClass().add("state-view");
        setFillWidth(false);
    }

    public static StateView loading(String title) {
        StateView v = new StateView();
        v.getChildren().add(title(title));
        // The spinner comes only when the wait lasts: People's first rows at every start arrive sooner, and then no
        // spinner flashes by, nor does the start-up's first CSS pass build its skin and animation for nothing.
        // The wait is counted from the view's first layout (the window showing it), not from its making.
        v.spinnerLater = () -> {
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(SPINNER_DELAY);
            later.setOnFinished(e -> {
                if (v.getScene() != null) {
                    ProgressIndicator p = new ProgressIndicator();
                    p.setPrefSize(40, 40);
                    v.getChildren().add(0, p);
                }
            });
            later.play();
        };
        return v;
    }

    public static StateView progress(String title, ProgressBar bar, Label detail) {
        StateView v = new StateView();
        bar.setPrefWidth(360);
        v.getChildren().addAll(title(title), bar, detail);
        return v;
    }

    public static StateView message(Ikon icon, String title, String detail, Button... actions) {
        StateView v = new StateView();
        FontIcon fi = new FontIcon(icon);
        fi.getStyleClass().add("state-icon");
        v.getChildren().addAll(fi, title(title));
        if (detail != null && !detail.isBlank()) {
            Label d = new Label(detail);
            d.getStyleClass().add("state-detail");
            d.setWrapText(true);
            d.setMaxWidth(520);
            v.getChildren().add(d);
        }
        if (actions.length > 0) {
            HBox row = new HBox(8, actions);
            row.setAlignment(Pos.CENTER);
            v.getChildren().add(row);
        }
        return v;
    }

    private static Label title(String text) {
        Label t = new Label(text);
        t.getStyleClass().add("state-title");
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }
}
