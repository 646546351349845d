package dev.recruitdesk.app.bench;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.service.CandidateQueries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Search as you type, through what the People view model asks for on each keystroke: the count and the first page
 * of the filtered list. The typed texts come from the cache itself (names and e-mail parts of sampled candidates),
 * one keystroke at a time, plus every status filter alone and with a short text.
 */
final class SearchBench {

    /** What People loads per refresh (PagedCandidateList.PAGE_SIZE). */
    static final int FIRST_PAGE = 200;

    record Result(long[] sortedNanos, int keystrokes, String slowest) {

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
        }
    }

    private SearchBench() {
    }

    static List<CandidateFilter> keystrokes(CandidateQueries q, int samples, long seed) {
        int total = q.count(CandidateFilter.ALL);
        Random random = new Random(seed);
        List<CandidateFilter> out = new ArrayList<>();
        for (int s = 0; s < samples && total > 0; s++) {
            List<CandidateRow> one = q.page(CandidateFilter.ALL, random.nextInt(total), 1);
            if (one.isEmpty()) {
                continue;
            }
            CandidateRow row = one.get(0);
            typed(out, row.name() == null ? "" : row.name(), 12, null);
            String email = row.email() == null ? "" : row.email();
            String[] parts = email.split("[@._+\\-]+");
            // a middle part of the address (the last name or the domain), not its start
            typed(out, parts.length > 1 ? parts[1] : email, 6, null);
        }
        for (OrderStatus.Kind kind : OrderStatus.Kind.values()) {
            out.add(new CandidateFilter("", kind));
            out.add(new CandidateFilter("a", kind));
            out.add(new CandidateFilter("ma", kind));
        }
        return out;
    }

    private static void typed(List<CandidateFilter> out, String text, int maxChars, OrderStatus.Kind kind) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (int i = 1; i <= Math.min(maxChars, t.length()); i++) {
            if (!Character.isWhitespace(t.charAt(i - 1))) {
                out.add(new CandidateFilter(t.substring(0, i), kind));
            }
        }
    }

    static Result run(CandidateQueries q, List<CandidateFilter> filters) {
        // one untimed pass over a few: the first query pays for class loading and H2's statement cache
        for (CandidateFilter f : filters.subList(0, Math.min(10, filters.size()))) {
            keystroke(q, f);
        }
        long[] nanos = new long[filters.size()];
        Integer[] order = new Integer[filters.size()];
        for (int i = 0; i < filters.size(); i++) {
            long t0 = System.nanoTime();
            keystroke(q, filters.get(i));
            nanos[i] = System.nanoTime() - t0;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
        StringBuilder slowest = new StringBuilder();
        for (int i = 0; i < Math.min(3, order.length); i++) {
            CandidateFilter f = filters.get(order[i]);
            slowest.append(i == 0 ? "" : ", ").append('"').append(f.text()).append('"')
                    .append(f.statusKind() == null ? "" : " + " + f.statusKind().name().toLowerCase(Locale.ROOT))
                    .append(String.format(Locale.ROOT, " %.0f ms", nanos[order[i]] / 1e6));
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Result(sorted, filters.size(), slowest.toString());
    }

    private static int keystroke(CandidateQueries q, CandidateFilter f) {
        int n = q.count(f);
        return n == 0 ? 0 : q.page(f, 0, FIRST_PAGE).size();
    }
}
