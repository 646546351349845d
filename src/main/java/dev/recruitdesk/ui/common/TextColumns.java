package dev.recruitdesk.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/** Read-only text columns for the dialogs' small tables (their rows keep their order: no sorting). */
public final class TextColumns {

    private TextColumns() {
    }

    public static <T> TableColumn<T, String> of(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellFactory(col -> new TextCell<>());
        return c;
    }

    /** A text cell whose tooltip gives the whole text, for the values an ellipsis cuts short. */
    static final class TextCell<T> extends TableCell<T, String> {

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty ? null : item;
            setText(text);
            if (text == null || text.isBlank()) {
                setTooltip(null);
            } else if (getTooltip() == null) {
                setTooltip(new Tooltip(text));
            } else {
                getTooltip().setText(text);
            }
        }
    }
}
