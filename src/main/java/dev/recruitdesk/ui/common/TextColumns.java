package dev.recruitdesk.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

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
        return c;
    }
}
