package dev.recruitdesk.ui.process;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** QA finding: the Move dialog said "3 application(s) to move". */
class MoveSummaryTest {

    @Test
    void countsAreSpelledWithAProperPlural() {
        assertEquals("Nothing to move", MoveViewModel.toMoveSummary(0));
        assertEquals("1 application to move", MoveViewModel.toMoveSummary(1));
        assertEquals("3 applications to move", MoveViewModel.toMoveSummary(3));
        assertEquals("1,200 applications to move".replace(",", ""),
                MoveViewModel.toMoveSummary(1200).replace(",", "").replace("\u00a0", "").replace("\u202f", ""));
    }
}
