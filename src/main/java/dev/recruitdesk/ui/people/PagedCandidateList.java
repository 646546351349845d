package dev.recruitdesk.ui.people;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.ui.TaskRunner;
import javafx.collections.ObservableListBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list of {@code size} rows that never holds them all: {@link #get} answers from a small LRU of pages, or with a
 * placeholder while it asks the cache for that page in the background. A TableView only asks for the rows it shows,
 * so 100,000 candidates cost a handful of pages.
 */
public final class PagedCandidateList extends ObservableListBase<CandidateRow> {

    public static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 8;

    private static final Logger log = LoggerFactory.getLogger(PagedCandidateList.class);
    private static final CandidateRow PLACEHOLDER = new CandidateRow(null, "", "", "", "", null, null);

    private final CandidateQueries queries;
    private final TaskRunner tasks;
    private final Map<Integer, List<CandidateRow>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<CandidateRow>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private CandidateFilter filter = CandidateFilter.ALL;
    private int size;
    /** Bumped on every reset so that answers for an older filter are dropped. */
    private long generation;
    private Runnable onPageLoaded = () -> { };

    public PagedCandidateList(CandidateQueries queries, TaskRunner tasks) {
        this.queries = queries;
        this.tasks = tasks;
    }

    /** The blank row shown while a page loads. */
    public static CandidateRow placeholder() {
        return PLACEHOLDER;
    }

    public static boolean isPlaceholder(CandidateRow row) {
        return row == null || row.id() == null;
    }

    public void setOnPageLoaded(Runnable r) {
        onPageLoaded = r == null ? () -> { } : r;
    }

    /**
     * Starts over with a new filter and size (the caller counted in the background). {@code firstPage} may be
     * given to avoid a flash of placeholders.
     */
    public void reset(CandidateFilter newFilter, int newSize, List<CandidateRow> firstPage) {
        generation++;
        filter = newFilter;
        pages.clear();
        loading.clear();
        if (firstPage != null) {
            pages.put(0, List.copyOf(firstPage));
        }
        int oldSize = size;
        size = newSize;
        beginChange();
        // One replace for the common range (not one event per row: 100,000 rows would make 100,000 sub-changes);
        // rows keep their places, so the table keeps its scroll position.
        int common = Math.min(oldSize, newSize);
        if (common > 0) {
            nextReplace(0, common, Collections.nCopies(common, PLACEHOLDER));
        }
        if (newSize > oldSize) {
            nextAdd(oldSize, newSize);
        } else if (oldSize > newSize) {
            nextRemove(newSize, Collections.nCopies(oldSize - newSize, PLACEHOLDER));
        }
        endChange();
    }

    @Override
    public CandidateRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE_SIZE;
        List<CandidateRow> rows = pages.get(page);
        if (rows != null) {
            int i = index - page * PAGE_SIZE;
            return i < rows.size() ? rows.get(i) : PLACEHOLDER;
        }
        load(page);
        // A synchronous runner (tests) has already filled the page.
        rows = pages.get(page);
        int i = index - page * PAGE_SIZE;
        return rows != null && i < rows.size() ? rows.get(i) : PLACEHOLDER;
    }

    /** The cached row at {@code index}, or null: never triggers a load. */
    public CandidateRow peek(int index) {
        List<CandidateRow> rows = pages.get(index / PAGE_SIZE);
        int i = index % PAGE_SIZE;
        return rows != null && i < rows.size() ? rows.get(i) : null;
    }

    /** Index of a loaded row with this id, or -1. */
    public int indexOfLoaded(String id) {
        for (Map.Entry<Integer, List<CandidateRow>> e : pages.entrySet()) {
            List<CandidateRow> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (id.equals(rows.get(i).id())) {
                    return e.getKey() * PAGE_SIZE + i;
                }
            }
        }
        return -1;
    }

    int loadedPageCount() {
        return pages.size();
    }

    @Override
    public int size() {
        return size;
    }

    private void load(int page) {
        if (!loading.add(page)) {
            return;
        }
        long gen = generation;
        CandidateFilter f = filter;
        tasks.run(() -> queries.page(f, page * PAGE_SIZE, PAGE_SIZE), rows -> {
            if (gen != generation) {
                return;
            }
            loading.remove(page);
            pages.put(page, List.copyOf(rows));
            int from = page * PAGE_SIZE;
            int to = Math.min(size, from + rows.size());
            if (to > from) {
                beginChange();
                nextReplace(from, to, Collections.nCopies(to - from, PLACEHOLDER));
                endChange();
            }
            onPageLoaded.run();
        }, err -> {
            if (gen == generation) {
                loading.remove(page);
            }
            log.warn("Could not load a page of the People list", err);
        });
    }
}
