package dev.recruitdesk.ui.people;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.ui.DeferredTaskRunner;
import dev.recruitdesk.ui.SyncTaskRunner;
import dev.recruitdesk.ui.fake.FakeBackend;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PagedCandidateListTest {

    private final FakeBackend backend = new FakeBackend(2000);

    @Test
    void answersFromPagesAndLoadsOnlyThePagesAskedFor() {
        PagedCandidateList list = new PagedCandidateList(backend, new SyncTaskRunner());
        list.reset(CandidateFilter.ALL, backend.count(CandidateFilter.ALL), null);

        assertThat(list).hasSize(2000);
        CandidateRow row = list.get(1234);
        assertThat(PagedCandidateList.isPlaceholder(row)).isFalse();
        assertThat(row).isEqualTo(backend.page(CandidateFilter.ALL, 1234, 1).get(0));
        assertThat(backend.pageCalls.get()).isEqualTo(2); // one page for the list, one for the check above
    }

    @Test
    void keepsOnlyASmallNumberOfPages() {
        PagedCandidateList list = new PagedCandidateList(backend, new SyncTaskRunner());
        list.reset(CandidateFilter.ALL, 2000, null);
        for (int i = 0; i < 2000; i += PagedCandidateList.PAGE_SIZE) {
            list.get(i);
        }
        assertThat(list.loadedPageCount()).isLessThanOrEqualTo(PagedCandidateList.MAX_PAGES);
    }

    @Test
    void showsAPlaceholderUntilThePageArrivesThenAnnouncesTheRows() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        PagedCandidateList list = new PagedCandidateList(backend, tasks);
        list.reset(CandidateFilter.ALL, 2000, null);
        AtomicInteger changed = new AtomicInteger();
        list.addListener((ListChangeListener<CandidateRow>) c -> {
            while (c.next()) {
                changed.addAndGet(c.getTo() - c.getFrom());
            }
        });

        assertThat(PagedCandidateList.isPlaceholder(list.get(450))).isTrue();
        list.get(451); // same page: no second load
        assertThat(tasks.pendingCount()).isEqualTo(1);

        tasks.runAll();
        assertThat(list.get(450).id()).isNotNull();
        assertThat(changed.get()).isEqualTo(PagedCandidateList.PAGE_SIZE);
    }

    @Test
    void dropsAnswersForAnOlderFilter() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        PagedCandidateList list = new PagedCandidateList(backend, tasks);
        list.reset(CandidateFilter.ALL, 2000, null);
        list.get(0);
        CandidateFilter aisha = new CandidateFilter("aïsha", null);
        List<CandidateRow> first = backend.page(aisha, 0, 200);
        list.reset(aisha, first.size(), first);
        tasks.runAll();

        assertThat(list).hasSize(1);
        assertThat(list.get(0).id()).isEqualTo(FakeBackend.SHOWCASE_ID);
    }

    @Test
    void aResetOfAHundredThousandRowsIsOneChangeNotOnePerRow() {
        PagedCandidateList list = new PagedCandidateList(backend, new DeferredTaskRunner());
        list.reset(CandidateFilter.ALL, 100_000, null);
        AtomicInteger subChanges = new AtomicInteger();
        list.addListener((ListChangeListener<CandidateRow>) c -> {
            while (c.next()) {
                subChanges.incrementAndGet();
            }
        });
        list.reset(CandidateFilter.ALL, 99_000, null);
        assertThat(subChanges.get()).isLessThanOrEqualTo(2);
        assertThat(list).hasSize(99_000);
    }
}
