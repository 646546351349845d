package dev.recruitdesk.store;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The People list in memory: one compact row per cached candidate, kept sorted by (name key, id), searched by a
 * scan. A scan of 100,000 short strings takes a few milliseconds, where H2 needed a table of search words (six rows
 * per candidate, rewritten on every sync) and still took seconds to count and sort a broad match.
 *
 * <p>Readers take the current snapshot (an immutable sorted array) and never lock; {@link #apply} builds the next
 * array and publishes it in one volatile write, so a reader sees a page either before or after a write, never half
 * of one. Only the cache's writer thread calls {@link #apply} (after its transaction commits), which keeps the index
 * in the order the database applied the writes.
 */
final class CandidateIndex {

    /** Separates the search words in {@link Row#words}; a word containing it is cut there. */
    static final char SEP = '\u0001';

    static final Comparator<Row> ORDER = Comparator.<Row, String>comparing(r -> r.nameKey).thenComparing(r -> r.id);

    /** One candidate as the People list shows and searches it. */
    static final class Row {
        final String id;
        final String nameKey;
        final String name;
        final String email;
        final String jobs;
        final String appStatus;
        final OrderStatus order;
        final OrderStatus.Kind kind;
        final java.time.Instant updatedOn;
        /** Every search word, each preceded by {@link #SEP}: "a word starts with w" is one indexOf(SEP + w). */
        final String words;

        Row(String id, String nameKey, String name, String email, String jobs, String appStatus, OrderStatus order,
            OrderStatus.Kind kind, java.time.Instant updatedOn, String words) {
            this.id = id;
            this.nameKey = nameKey;
            this.name = name;
            this.email = email;
            this.jobs = jobs;
            this.appStatus = appStatus;
            this.order = order;
            this.kind = order == null ? null : kind;
            this.updatedOn = updatedOn;
            this.words = words;
        }

        Row withOrder(OrderStatus newOrder, OrderStatus.Kind newKind) {
            return new Row(id, nameKey, name, email, jobs, appStatus, newOrder, newKind, updatedOn, words);
        }

        CandidateRow toCandidateRow() {
            return new CandidateRow(id, name, email, jobs, appStatus, order, updatedOn);
        }

        boolean matches(String[] needles) {
            for (String n : needles) {
                if (words.indexOf(n) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The words of one candidate, joined for {@link Row#words}. */
    static String words(String firstName, String lastName, String email) {
        StringBuilder b = new StringBuilder(64);
        for (String w : SearchWords.of(firstName, lastName, email)) {
            int cut = w.indexOf(SEP);
            b.append(SEP).append(cut < 0 ? w : w.substring(0, cut));
        }
        return b.toString();
    }

    /** A search and its answer on one snapshot: positions of the matching rows, ascending. */
    private record Match(Row[] snapshot, String[] words, OrderStatus.Kind kind, int[] positions, int count) {
    }

    private volatile Row[] rows = new Row[0];
    private volatile Match last;
    /** Writer thread only (see the class comment), as is {@link #interned}. */
    private final Map<String, Row> byId = new HashMap<>();
    private final Map<Object, Object> interned = new HashMap<>();

    // ---------------------------------------------------------------- reads (any thread)

    int size() {
        return rows.length;
    }

    int count(String text, OrderStatus.Kind kind) {
        return match(text, kind).count;
    }

    List<CandidateRow> page(String text, OrderStatus.Kind kind, int offset, int limit) {
        Match m = match(text, kind);
        int from = Math.max(0, offset);
        int to = (int) Math.min(m.count, (long) from + Math.max(0, limit));
        List<CandidateRow> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(m.snapshot[m.positions == null ? i : m.positions[i]].toCandidateRow());
        }
        return out;
    }

    private Match match(String text, OrderStatus.Kind kind) {
        Row[] snapshot = rows;
        String[] words = queryWords(text);
        if (words.length == 0 && kind == null) {
            return new Match(snapshot, words, null, null, snapshot.length);
        }
        Match prev = last;
        if (prev != null && prev.snapshot == snapshot && prev.kind == kind && Arrays.equals(prev.words, words)) {
            return prev;
        }
        String[] needles = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            needles[i] = SEP + words[i];
        }
        int[] found;
        int n = 0;
        if (prev != null && prev.snapshot == snapshot && narrows(prev, words, kind)) {
            // typing on: what matches now matched the shorter text too, so only those rows are looked at
            found = new int[prev.count];
            for (int k = 0; k < prev.count; k++) {
                int i = prev.positions[k];
                Row r = snapshot[i];
                if ((kind == null || r.kind == kind) && r.matches(needles)) {
                    found[n++] = i;
                }
            }
        } else {
            found = new int[Math.min(snapshot.length, 1024)];
            for (int i = 0; i < snapshot.length; i++) {
                Row r = snapshot[i];
                if ((kind == null || r.kind == kind) && r.matches(needles)) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, Math.min(snapshot.length, n * 2));
                    }
                    found[n++] = i;
                }
            }
        }
        Match m = new Match(snapshot, words, kind, found, n);
        last = m;
        return m;
    }

    /** Whether every row matching (words, kind) also matches prev: each earlier word is the start of a new one. */
    private static boolean narrows(Match prev, String[] words, OrderStatus.Kind kind) {
        if (prev.positions == null || prev.kind != null && prev.kind != kind) {
            return false;
        }
        for (String old : prev.words) {
            boolean covered = false;
            for (String w : words) {
                covered |= w.startsWith(old);
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** The typed words as the search compares them (lower case, cut as stored words are). */
    static String[] queryWords(String text) {
        String[] words = SearchWords.ofQuery(text);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            words[i] = w.length() > SearchWords.MAX_WORD ? w.substring(0, SearchWords.MAX_WORD) : w;
        }
        return words;
    }

    // ---------------------------------------------------------------- writes (the writer thread)

    /** The stored row of a candidate, or null. */
    synchronized Row row(String id) {
        return byId.get(id);
    }

    synchronized boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Replaces everything (the first load, or an emptied cache). */
    synchronized void reset(Collection<Row> all) {
        byId.clear();
        interned.clear();
        Row[] sorted = all.toArray(Row[]::new);
        Arrays.sort(sorted, ORDER);
        for (Row r : sorted) {
            byId.put(r.id, r);
        }
        publish(sorted);
    }

    /** Adds or replaces {@code upserts} (by id; the last of one id wins) and drops the rows of {@code removed}. */
    synchronized void apply(Collection<Row> upserts, Collection<String> removed) {
        if (upserts.isEmpty() && removed.isEmpty()) {
            return;
        }
        Map<String, Row> adds = new LinkedHashMap<>();
        upserts.forEach(r -> adds.put(r.id, r));
        List<Row> dropped = new ArrayList<>();
        for (Row r : adds.values()) {
            Row old = byId.put(r.id, r);
            if (old != null) {
                dropped.add(old);
            }
        }
        for (String id : removed) {
            if (!adds.containsKey(id)) {
                Row old = byId.remove(id);
                if (old != null) {
                    dropped.add(old);
                }
            }
        }
        publish(merge(rows, dropped, adds.values()));
    }

    private void publish(Row[] next) {
        last = null;
        rows = next;
    }

    /**
     * The next sorted array: {@code old} without {@code dropped}, with {@code added} in place. Costs a copy of the
     * array plus a binary search per changed row, so a page of 100 upserts into 100,000 rows stays well under a
     * millisecond.
     */
    static Row[] merge(Row[] old, List<Row> dropped, Collection<Row> added) {
        int[] drops = new int[dropped.size()];
        for (int k = 0; k < drops.length; k++) {
            int at = Arrays.binarySearch(old, dropped.get(k), ORDER);
            if (at < 0 || old[at] != dropped.get(k)) {
                throw new IllegalStateException("candidate index out of step with its id map");
            }
            drops[k] = at;
        }
        Arrays.sort(drops);
        Row[] adds = added.toArray(Row[]::new);
        Arrays.sort(adds, ORDER);
        int[] before = new int[adds.length];
        for (int k = 0; k < adds.length; k++) {
            int at = Arrays.binarySearch(old, adds[k], ORDER);
            // an equal key can only be the row this one replaces (it is dropped): insert before it
            before[k] = at >= 0 ? at : -at - 1;
        }
        Row[] out = new Row[old.length - drops.length + adds.length];
        int i = 0, o = 0, d = 0, a = 0;
        while (i < old.length || a < adds.length) {
            int stop = Math.min(d < drops.length ? drops[d] : old.length, a < adds.length ? before[a] : old.length);
            System.arraycopy(old, i, out, o, stop - i);
            o += stop - i;
            i = stop;
            if (a < adds.length && before[a] == i) {
                out[o++] = adds[a++];
            } else if (d < drops.length && drops[d] == i) {
                i++;
                d++;
            }
        }
        return out;
    }

    /** One shared copy of a repeated display value (job titles, statuses): 100,000 rows share a few hundred. */
    @SuppressWarnings("unchecked")
    synchronized <T> T intern(T value) {
        if (value == null) {
            return null;
        }
        if (interned.size() > 50_000) {
            return value;
        }
        return (T) interned.computeIfAbsent(value, k -> value);
    }
}
