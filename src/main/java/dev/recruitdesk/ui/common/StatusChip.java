package dev.recruitdesk.ui.common;

import dev.recruitdesk.domain.OrderStatus;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * An order status as icon + word (+ colour), never colour alone; screen readers get "Assessment status: ...".
 * Unknown statuses show their raw text with a neutral icon.
 */
public final class StatusChip extends Label {

    public StatusChip() {
        getStyleClass().add("status-chip");
        setMinWidth(USE_PREF_SIZE);
    }

    public StatusChip(OrderStatus status) {
        this();
        setStatus(status);
    }

    public void setStatus(OrderStatus status) {
        getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-chip"));
        if (status == null) {
            setText(Messages.get("status.none"));
            setGraphic(null);
            getStyleClass().add("status-none");
            setAccessibleText(Messages.format("status.accessible", getText()));
            return;
        }
        OrderStatus.Kind kind = status.kind();
        setText(StatusText.of(status));
        FontIcon icon = new FontIcon(iconFor(kind));
        icon.getStyleClass().add("status-chip-icon");
        setGraphic(icon);
        getStyleClass().add("status-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        setAccessibleText(Messages.format("status.accessible", getText()));
    }

    static Ikon iconFor(OrderStatus.Kind kind) {
        return switch (kind) {
            case SENDING -> MaterialDesignP.PROGRESS_UPLOAD;
            case SENT -> MaterialDesignS.SEND;
            case IN_PROGRESS -> MaterialDesignP.PROGRESS_CLOCK;
            case COMPLETED -> MaterialDesignC.CHECK_CIRCLE;
            case PASSED -> MaterialDesignC.CHECK_DECAGRAM;
            case EXPIRED -> MaterialDesignT.TIMER_SAND_COMPLETE;
            case CANCELLED -> MaterialDesignC.CANCEL;
            case FAILED -> MaterialDesignA.ALERT_CIRCLE;
            case UNKNOWN -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
        };
    }
}
