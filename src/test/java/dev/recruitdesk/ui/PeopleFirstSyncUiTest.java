package dev.recruitdesk.ui;

import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.service.SyncStatus;
import dev.recruitdesk.ui.people.PagedCandidateList;
import dev.recruitdesk.ui.people.PeopleViewModel;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first sync into an empty cache: People shows its progress, and the pulse that shows the first rows must not have
 * to build the table (its skin, rows and cells). The bench's smoothness run measured that pulse as its longest pause
 * (190-210 ms with the table added to the scene at that moment, ~100 ms with only its rows and cells to make).
 */
class PeopleFirstSyncUiTest extends UiTestBase {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Override
    protected void beforeWindow() {
        backend.removeAllCandidates();
        backend.setStatus(new SyncStatus(SyncStatus.Phase.FULL_SYNC, 0, 300, null, true, null, 0));
    }

    @Test
    void theFirstRowsOfAFirstSyncReuseRowsTheHiddenTableMadeWhileTheProgressShowed() {
        PeopleViewModel people = window.peopleViewModel();
        TableView<?> table = lookup("#people-table").queryTableView();
        waitUntil(() -> people.stateProperty().get() == PeopleViewModel.State.FIRST_SYNC);
        // primed: the hidden table made a screenful of rows, then went back to the (still empty) list
        waitUntil(() -> table.getItems() instanceof PagedCandidateList && rows(table).size() >= 15);
        assertThat(table.isVisible()).isFalse();
        assertThat(table.getItems()).isEmpty();
        assertThat(lookup("#people-sync-progress").tryQuery()).isPresent();
        Set<Node> madeWhileHidden = Collections.newSetFromMap(new IdentityHashMap<>());
        madeWhileHidden.addAll(rows(table));

        backend.restoreCandidates();
        backend.setStatus(new SyncStatus(SyncStatus.Phase.FULL_SYNC, 300, 300, null, true, null, 0));
        backend.publish(new ChangeEvent(ChangeEvent.Kind.CANDIDATES, Set.of()));
        waitUntil(() -> people.stateProperty().get() == PeopleViewModel.State.ROWS && table.isVisible()
                && table.getItems().size() == 300);
        waitUntil(() -> rows(table).stream().anyMatch(r -> r.getItem() != null && r.isVisible()));

        List<TableRow<?>> showing = rows(table).stream().filter(r -> r.getItem() != null && r.isVisible()).toList();
        assertThat(showing).hasSizeGreaterThanOrEqualTo(15);
        assertThat(showing).allMatch(madeWhileHidden::contains, "a row made while the progress showed");
        assertThat(lookup("#people-sync-progress").tryQuery()).isEmpty();
    }

    private List<TableRow<?>> rows(TableView<?> table) {
        return from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?>).<TableRow<?>>map(n -> (TableRow<?>) n).toList();
    }
}
