package dev.recruitdesk.ui.results;

import dev.recruitdesk.ui.common.Messages;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.function.Consumer;

/**
 * The status bar's "N orders waiting longer than usual": hidden when none is; its menu lists them (candidate,
 * package, how late) and opens the candidate's profile. Icon + words, never colour alone; reachable by keyboard.
 */
public final class AttentionButton extends MenuButton {

    public AttentionButton(AttentionViewModel vm, Consumer<String> openCandidate) {
        setId("status-attention");
        getStyleClass().addAll("attention-button", "flat");
        setGraphic(new FontIcon(MaterialDesignC.CLOCK_ALERT_OUTLINE));
        textProperty().bind(vm.countTextProperty());
        visibleProperty().bind(vm.countProperty().greaterThan(0));
        managedProperty().bind(visibleProperty());
        setTooltip(new Tooltip(Messages.get("attention.tooltip")));
        accessibleTextProperty().bind(vm.countTextProperty());
        vm.items().addListener((ListChangeListener<AttentionViewModel.Item>) c -> rebuild(vm, openCandidate));
        rebuild(vm, openCandidate);
    }

    private void rebuild(AttentionViewModel vm, Consumer<String> openCandidate) {
        getItems().clear();
        for (AttentionViewModel.Item item : vm.items()) {
            MenuItem mi = new MenuItem(Messages.format("attention.item", item.candidateName(), item.packageName(),
                    item.text()));
            mi.getStyleClass().add("attention-item");
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> openCandidate.accept(item.candidateId()));
            getItems().add(mi);
        }
        if (vm.countProperty().get() > vm.items().size()) {
            MenuItem more = new MenuItem(Messages.format("attention.more", vm.countProperty().get() - vm.items().size()));
            more.setDisable(true);
            getItems().add(more);
        }
    }
}
