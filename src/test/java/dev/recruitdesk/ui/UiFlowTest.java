package dev.recruitdesk.ui;

import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.ui.common.StatusChip;
import dev.recruitdesk.ui.fake.FakeBackend;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UiFlowTest extends UiTestBase {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }


    @Test
    void shortcutsAndTypingInSearchFilterTheRows() {
        TableView<?> table = lookup("#people-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 300);

        clickOn("#people-count"); // Monocle gives a new stage no focus until something is clicked
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> lookup("#settings-view").tryQuery().isPresent());
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> lookup("#people-search").tryQuery().map(Node::isFocused).orElse(false));
        write("okonkwo");

        waitUntil(() -> table.getItems().size() == 1);
        assertThat(lookup("#people-count").queryLabeled().getText()).isEqualTo("1 candidate");
        clickOn("#people-search").eraseText(7).write("zzz-nobody");
        waitUntil(() -> lookup("#people-no-match").tryQuery().isPresent());
        clickOn("#people-clear-search");
        waitUntil(() -> table.getItems().size() == 300);
    }

    @Test
    void enterOnARowOpensTheProfileWithASectionPerJob() {
        TableView<?> table = lookup("#people-table").queryTableView();
        clickOn("#people-search").write("okonkwo");
        waitUntil(() -> table.getItems().size() == 1);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);

        waitUntil(() -> lookup("#profile-name").tryQuery().isPresent());
        assertThat(lookup("#profile-name").queryLabeled().getText()).isEqualTo("Aïsha Okonkwo-Łukasiewicz");
        waitUntil(() -> lookup(".application-card").queryAll().size() == 3);
        assertThat(lookup(".application-card").queryAll()).hasSize(3);
        assertThat(lookup("Backend Engineer").tryQuery()).isPresent();
        assertThat(lookup("Data Analyst").tryQuery()).isPresent();
        assertThat(lookup("Customer Success Lead").tryQuery()).isPresent();
    }

    @Test
    void orderingShowsSendingAtOnceThenSent() {
        interact(() -> window.openProfile(FakeBackend.SHOWCASE_ID));
        waitUntil(() -> lookup(".application-card").queryAll().size() == 3);
        List<Node> cards = List.copyOf(lookup(".application-card").queryAll());
        Node third = cards.get(2);
        clickOn(from(third).lookup(".order-button").queryButton());

        waitUntil(() -> window.orderDialog() != null && window.orderDialog().stage().isShowing());
        javafx.stage.Stage dialog = window.orderDialog().stage();
        assertThat(dialog.getOwner()).isSameAs(window.stage());
        assertThat(dialog.getModality()).isEqualTo(javafx.stage.Modality.WINDOW_MODAL);
        double centre = window.stage().getX() + window.stage().getWidth() / 2;
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(centre, org.assertj.core.data.Offset.offset(2.0));
        Button cont = lookup("#order-continue").queryButton();
        assertThat(cont.isDisabled()).isTrue();
        assertThat(lookup("#order-continue-reason").queryLabeled().getText()).isEqualTo("Choose an assessment partner first.");

        waitUntil(() -> !lookup("#order-partner").queryComboBox().isDisabled());
        pick("#order-partner", "Codility");
        waitUntil(() -> !lookup("#order-package").queryComboBox().isDisabled());
        assertThat(cont.isDisabled()).isTrue();
        pick("#order-package", "SQL Skills Test");
        waitUntil(() -> !cont.isDisabled());
        clickOn(cont);

        waitUntil(() -> lookup("#order-continue").tryQuery().isEmpty());
        waitUntil(() -> chipsIn(2).contains("Sending"));
        AssessmentOrder queued = backend.queuedRequests.isEmpty() ? null
                : backend.orders(FakeBackend.SHOWCASE_ID).stream().filter(o -> o.status().equals(OrderStatus.SENDING)).findFirst().orElseThrow();
        assertThat(queued).isNotNull();
        backend.markSent(queued.idempotencyKey());
        waitUntil(() -> chipsIn(2).contains("Sent") && !chipsIn(2).contains("Sending"));
    }

    @Test
    void anOpenDuplicateAsksBeforeOrderingAgainAndEscapeCancels() {
        interact(() -> window.openProfile(FakeBackend.SHOWCASE_ID));
        waitUntil(() -> lookup(".application-card").queryAll().size() == 3);
        Node first = List.copyOf(lookup(".application-card").<Node>queryAll()).get(0);
        clickOn(from(first).lookup(".section-label").<Node>query());
        press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL); // the ordering shortcut
        waitUntil(() -> lookup("#order-partner").tryQuery().isPresent() && !lookup("#order-partner").queryComboBox().isDisabled());
        pick("#order-partner", "SHL");
        waitUntil(() -> !lookup("#order-package").queryComboBox().isDisabled());
        pick("#order-package", "Personality Questionnaire (OPQ32)");
        clickOn("#order-continue");

        waitUntil(() -> lookup("#order-duplicate").query().isVisible());
        assertThat(lookup("#order-duplicate-text").queryLabeled().getText()).contains("already has an open").endsWith("Order again?");
        assertThat(backend.queuedRequests).isEmpty();
        // Escape cancels: nothing is ordered unless the recruiter confirms.
        clickOn("#order-duplicate-text");
        type(KeyCode.ESCAPE);
        waitUntil(() -> !window.orderDialog().stage().isShowing());
        assertThat(backend.queuedRequests).isEmpty();
    }

    @Test
    void badSettingsInputShowsTheMessageNextToTheFieldAndDisablesSaveAndTest() {
        clickOn("#nav-settings");
        waitUntil(() -> "http://127.0.0.1:8089".equals(lookup("#settings-base-url").queryTextInputControl().getText()));
        clickOn("#settings-base-url");
        interact(() -> lookup("#settings-base-url").queryTextInputControl().clear());
        write("http://sr.example.com");

        Label error = lookup("#settings-base-url-error").queryAs(Label.class);
        waitUntil(error::isVisible);
        assertThat(error.getText()).contains("https");
        assertThat(lookup("#settings-save").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#settings-test").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#settings-save-reason").queryLabeled().getText()).contains("https");

        clickOn("#settings-email");
        interact(() -> lookup("#settings-email").queryTextInputControl().clear());
        write("sam@");
        assertThat(lookup("#settings-email-error").queryLabeled().getText()).contains("name@company.com");
        assertThat(lookup("#settings-connect").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#settings-demo-banner").query().isVisible()).isTrue();
    }

    @Test
    void resultsPanelShowsScoreAndOpensTheReport() {
        interact(() -> window.openProfile(FakeBackend.SHOWCASE_ID));
        waitUntil(() -> lookup(".order-row").queryAll().size() >= 3);
        clickOn("Java Skills Test (senior)");

        waitUntil(() -> lookup("#results-panel").tryQuery().isPresent());
        assertThat(lookup("#results-score").queryLabeled().getText()).isEqualTo("82 / 100");
        assertThat(lookup("#results-score-bar").tryQuery()).isPresent();
        assertThat(((StatusChip) lookup("#results-status").query()).getText()).isEqualTo("Completed");
        clickOn("#results-open-report");
        waitUntil(() -> !opened.isEmpty());
        assertThat(opened).containsExactly(URI.create("https://reports.example.com/codility/ord-show-1"));
    }

    @Test
    void aCandidatesChangeKeepsTheSelectionAndTheScrollPosition() {
        @SuppressWarnings("unchecked")
        TableView<dev.recruitdesk.domain.CandidateRow> table = lookup("#people-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 300 && table.getItems().get(0).id() != null);
        interact(() -> {
            table.scrollTo(150);
            table.getSelectionModel().select(160);
        });
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id() != null);
        String selected = table.getSelectionModel().getSelectedItem().id();
        int pagesBefore = backend.pageCalls.get();

        for (int i = 0; i < 5; i++) { // a burst, as a sync sends them
            backend.publish(new dev.recruitdesk.service.ChangeEvent(dev.recruitdesk.service.ChangeEvent.Kind.CANDIDATES, Set.of()));
        }

        waitUntil(() -> backend.pageCalls.get() > pagesBefore);
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && selected.equals(table.getSelectionModel().getSelectedItem().id()));
        javafx.scene.control.skin.VirtualFlow<?> flow = lookup("#people-table .virtual-flow").query();
        waitUntil(() -> flow.getFirstVisibleCell() != null);
        int first = flow.getFirstVisibleCell().getIndex();
        assertThat(first).isBetween(140, 160);
        assertThat(backend.pageCalls.get() - pagesBefore).isLessThan(10); // coalesced, not one full reload per event
    }

    @Test
    void aRefreshKeepsAMultiSelectionForABulkMove() {
        // Found while building the bulk move: a refresh arriving after the recruiter picked three rows left one.
        @SuppressWarnings("unchecked")
        TableView<dev.recruitdesk.domain.CandidateRow> table = lookup("#people-table").queryTableView();
        waitUntil(() -> table.getItems().size() == 300 && table.getItems().get(0).id() != null);
        interact(() -> {
            table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
            table.getSelectionModel().selectIndices(3, 5, 7);
        });
        java.util.List<String> picked = new java.util.ArrayList<>();
        interact(() -> table.getSelectionModel().getSelectedItems().forEach(r -> picked.add(r.id())));
        assertThat(picked).hasSize(3);
        int pagesBefore = backend.pageCalls.get();

        backend.publish(new dev.recruitdesk.service.ChangeEvent(dev.recruitdesk.service.ChangeEvent.Kind.CANDIDATES, Set.of()));

        waitUntil(() -> backend.pageCalls.get() > pagesBefore);
        waitUntil(() -> table.getSelectionModel().getSelectedItems().size() == 3);
        java.util.List<String> after = new java.util.ArrayList<>();
        interact(() -> table.getSelectionModel().getSelectedItems().forEach(r -> after.add(r.id())));
        assertThat(after).containsExactlyInAnyOrderElementsOf(picked);
    }

    @Test
    void changeFeedUpdatesAnOpenProfile() throws Exception {
        interact(() -> window.openProfile(FakeBackend.SHOWCASE_ID));
        waitUntil(() -> lookup(".application-card").queryAll().size() == 3);
        assertThat(backend.listenerCount()).isGreaterThan(0);
        var app = backend.candidate(FakeBackend.SHOWCASE_ID).orElseThrow().applications().get(2);
        backend.queue(new dev.recruitdesk.service.OrderRequest(app, backend.partners().get(0), backend.packages("p-codility").get(1)));
        waitUntil(() -> chipsIn(2).contains("Sending"));
        backend.publish(new dev.recruitdesk.service.ChangeEvent(dev.recruitdesk.service.ChangeEvent.Kind.ORDERS, Set.of()));
        assertThat(chipsIn(2)).contains("Sending");
    }

    /** Opens a ComboBox and clicks the entry in its popup (the same words may also be on the window behind). */
    private void pick(String comboId, String entry) {
        clickOn(comboId);
        waitUntil(() -> lookup(".combo-box-popup").tryQuery().isPresent());
        clickOn(from(lookup(".combo-box-popup").queryAll()).lookup(entry).<Node>query());
    }

    private List<String> chipsIn(int card) {
        List<Node> cards = List.copyOf(lookup(".application-card").queryAll());
        if (cards.size() <= card) {
            return List.of();
        }
        return from(cards.get(card)).lookup(".status-chip").queryAllAs(StatusChip.class).stream()
                .map(StatusChip::getText).toList();
    }
}
