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

    /*
     * Written out, not Comparator.comparing(..).thenComparing(..): a merge makes a binary search per changed row, and
     * the chained lambdas were a seventh of the writer's time in a full sync (JFR).
     */
    static final Comparator<Row> ORDER = CandidateIndex::compareRows;

    private static int compareRows(Row a, Row b) {
        int c = a.nameKey.compareTo(b.nameKey);
        return c != 0 ? c : a.id.compareTo(b.id);
    }

    /** One candidate as the People list shows and searches it. */
    static final class Row {
        /** The candidate's row number in the cache (its primary key there; see CacheStore). */
        final long key;
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
        /** Which letters and letter pairs start a word: see {@link #mask(String)}. */
        final long mask;

        Row(long key, String id, String nameKey, String name, String email, String jobs, String appStatus,
            OrderStatus order, OrderStatus.Kind kind, java.time.Instant updatedOn, String words) {
            this.key = key;
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
            this.mask = wordsMask(words);
        }

        Row withOrder(OrderStatus newOrder, OrderStatus.Kind newKind) {
            return new Row(key, id, nameKey, name, email, jobs, appStatus, newOrder, newKind, updatedOn, words);
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

    /*
     * A scan that follows a pointer per row pays a cache miss per row; at 100,000 rows that is most of the cost. So
     * the snapshot keeps, beside the rows, two flat arrays the scan reads instead: a 64-bit mask per row (bits 0-25:
     * a word starts with that letter a-z, exact; 26-31: a word starts with some other character, hashed; 32-63: a
     * word starts with that pair of characters, hashed) and the latest order kind. A query whose bits are not all in
     * a row's mask cannot match it; one made of single letters a-z matches exactly when they are.
     */
    private static final int EXACT_LETTERS = 26;

    private static long firstBit(char c) {
        return c >= 'a' && c <= 'z' ? 1L << (c - 'a') : 1L << (EXACT_LETTERS + Math.floorMod(c, 6));
    }

    private static long pairBit(char c0, char c1) {
        return 1L << (32 + Math.floorMod(c0 * 31 + c1, 32));
    }

    /** The bits a row must have to hold a word starting with {@code word}. */
    static long mask(String word) {
        if (word.isEmpty()) {
            return 0;
        }
        return firstBit(word.charAt(0)) | (word.length() > 1 ? pairBit(word.charAt(0), word.charAt(1)) : 0);
    }

    private static long wordsMask(String words) {
        long m = 0;
        int n = words.length();
        for (int i = 0; i + 1 < n; i++) {
            if (words.charAt(i) == SEP && words.charAt(i + 1) != SEP) {
                char c0 = words.charAt(i + 1);
                m |= firstBit(c0);
                if (i + 2 < n && words.charAt(i + 2) != SEP) {
                    m |= pairBit(c0, words.charAt(i + 2));
                }
            }
        }
        return m;
    }

    private static boolean exact(String[] words) {
        for (String w : words) {
            if (w.length() != 1 || w.charAt(0) < 'a' || w.charAt(0) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** One published state: the sorted rows and, position by position, their masks and order kinds (ordinal + 1). */
    private record Snapshot(Row[] rows, long[] masks, byte[] kinds) {

        static final Snapshot EMPTY = new Snapshot(new Row[0], new long[0], new byte[0]);

        static Snapshot of(Row[] rows) {
            long[] masks = new long[rows.length];
            byte[] kinds = new byte[rows.length];
            for (int i = 0; i < rows.length; i++) {
                masks[i] = rows[i].mask;
                kinds[i] = kindCode(rows[i].kind);
            }
            return new Snapshot(rows, masks, kinds);
        }
    }

    private static byte kindCode(OrderStatus.Kind kind) {
        return (byte) (kind == null ? 0 : kind.ordinal() + 1);
    }

    /** A search and its answer on one snapshot: positions of the matching rows, ascending. */
    private record Match(Snapshot snapshot, String[] words, OrderStatus.Kind kind, int[] positions, int count) {
    }

    private volatile Snapshot current = Snapshot.EMPTY;
    private volatile Match last;
    /** Writer thread only (see the class comment), as is {@link #interned}. */
    private Map<String, Row> byId = new HashMap<>();
    private final Map<Object, Object> interned = new HashMap<>();

    // ---------------------------------------------------------------- reads (any thread)

    int size() {
        return current.rows.length;
    }

    /** The published rows in (name key, id) order; the array is shared: never modify it. */
    Row[] rows() {
        return current.rows;
    }

    int count(String text, OrderStatus.Kind kind) {
        return match(text, kind).count;
    }

    List<CandidateRow> page(String text, OrderStatus.Kind kind, int offset, int limit) {
        Match m = match(text, kind);
        Row[] rows = m.snapshot.rows;
        int from = Math.max(0, offset);
        int to = (int) Math.min(m.count, (long) from + Math.max(0, limit));
        List<CandidateRow> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(rows[m.positions == null ? i : m.positions[i]].toCandidateRow());
        }
        return out;
    }

    private Match match(String text, OrderStatus.Kind kind) {
        Snapshot snap = current;
        String[] words = queryWords(text);
        if (words.length == 0 && kind == null) {
            return new Match(snap, words, null, null, snap.rows.length);
        }
        Match prev = last;
        if (prev != null && prev.snapshot == snap && prev.kind == kind && Arrays.equals(prev.words, words)) {
            return prev;
        }
        String[] needles = new String[words.length];
        long need = 0;
        for (int i = 0; i < words.length; i++) {
            needles[i] = SEP + words[i];
            need |= mask(words[i]);
        }
        boolean exact = exact(words);
        byte k = kindCode(kind);
        long[] masks = snap.masks;
        byte[] kinds = snap.kinds;
        Row[] rows = snap.rows;
        int[] found;
        int n = 0;
        if (prev != null && prev.snapshot == snap && narrows(prev, words, kind)) {
            // typing on: what matches now matched the shorter text too, so only those rows are looked at
            found = new int[prev.count];
            for (int j = 0; j < prev.count; j++) {
                int i = prev.positions[j];
                if ((masks[i] & need) == need && (k == 0 || kinds[i] == k) && (exact || rows[i].matches(needles))) {
                    found[n++] = i;
                }
            }
        } else {
            found = new int[Math.min(rows.length, 1024)];
            for (int i = 0; i < rows.length; i++) {
                if ((masks[i] & need) == need && (k == 0 || kinds[i] == k) && (exact || rows[i].matches(needles))) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, Math.min(rows.length, n * 2));
                    }
                    found[n++] = i;
                }
            }
        }
        Match m = new Match(snap, words, kind, found, n);
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

    /** The ids of the stored candidates not in {@code ids}. */
    synchronized List<String> idsOutside(java.util.Set<String> ids) {
        return byId.keySet().stream().filter(id -> !ids.contains(id)).toList();
    }

    /** Replaces everything (the first load, or an emptied cache). */
    synchronized void reset(Collection<Row> all) {
        pendingAdds.clear();
        pendingDrops.clear();
        // sized at once: grown from empty, the map rehashed itself 14 times on the way to 100,000 rows
        byId = new HashMap<>(Math.max(16, (int) (all.size() / 0.75f) + 1));
        interned.clear();
        Row[] sorted = all.toArray(Row[]::new);
        Arrays.sort(sorted, ORDER);
        for (Row r : sorted) {
            byId.put(r.id, r);
        }
        publish(Snapshot.of(sorted));
    }

    /** Adds or replaces {@code upserts} (by id; the last of one id wins) and drops the rows of {@code removed}. */
    synchronized void apply(Collection<Row> upserts, Collection<String> removed) {
        if (upserts.isEmpty() && removed.isEmpty()) {
            return;
        }
        for (Row r : upserts) {
            Row old = byId.put(r.id, r);
            // a row still waiting to be published is replaced where it waits; a published one is dropped
            if (old != null && pendingAdds.put(r.id, r) == null) {
                pendingDrops.add(old);
            } else if (old == null) {
                pendingAdds.put(r.id, r);
            }
        }
        for (String id : removed) {
            Row old = byId.remove(id);
            // a waiting row is simply forgotten: a published row it replaced is already among the drops
            if (old != null && pendingAdds.remove(id) == null) {
                pendingDrops.add(old);
            }
        }
        long now = System.nanoTime();
        if (!deferring || now - lastPublishNanos >= DEFERRED_PUBLISH_NANOS) {
            publishPending();
            lastPublishNanos = now;
        }
    }

    /**
     * While a first full sync fills an empty cache, publishing a new sorted array for every committed page costs a
     * copy of the whole array each time: the pages are then published together at most every
     * {@link #DEFERRED_PUBLISH_NANOS} (the People list refreshes no faster while it grows) and at the end. The id
     * map ({@link #contains}, {@link #row}) is always current: the writer relies on it.
     */
    synchronized void deferPublishing(boolean on) {
        deferring = on;
        if (!on) {
            publishPending();
        }
    }

    private static final long DEFERRED_PUBLISH_NANOS = 250_000_000L;
    private boolean deferring;
    private long lastPublishNanos;
    /** Changes not yet in {@link #current}: rows to add (by id) and published rows to drop. Writer thread. */
    private final Map<String, Row> pendingAdds = new LinkedHashMap<>();
    private final List<Row> pendingDrops = new ArrayList<>();

    private void publishPending() {
        if (pendingAdds.isEmpty() && pendingDrops.isEmpty()) {
            return;
        }
        Snapshot next = merge(current, pendingDrops, pendingAdds.values());
        pendingAdds.clear();
        pendingDrops.clear();
        publish(next);
    }

    private void publish(Snapshot next) {
        last = null;
        current = next;
    }

    /**
     * The next sorted array: {@code old} without {@code dropped}, with {@code added} in place. Costs a copy of the
     * array plus a binary search per changed row, so a page of 100 upserts into 100,000 rows stays well under a
     * millisecond.
     */
    private static Snapshot merge(Snapshot before, List<Row> dropped, Collection<Row> added) {
        Row[] old = before.rows;
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
        int[] at = new int[adds.length];
        for (int k = 0; k < adds.length; k++) {
            int found = Arrays.binarySearch(old, adds[k], ORDER);
            // an equal key can only be the row this one replaces (it is dropped): insert before it
            at[k] = found >= 0 ? found : -found - 1;
        }
        int size = old.length - drops.length + adds.length;
        Row[] out = new Row[size];
        long[] masks = new long[size];
        byte[] kinds = new byte[size];
        int i = 0, o = 0, d = 0, a = 0;
        while (i < old.length || a < adds.length) {
            int stop = Math.min(d < drops.length ? drops[d] : old.length, a < adds.length ? at[a] : old.length);
            System.arraycopy(old, i, out, o, stop - i);
            System.arraycopy(before.masks, i, masks, o, stop - i);
            System.arraycopy(before.kinds, i, kinds, o, stop - i);
            o += stop - i;
            i = stop;
            if (a < adds.length && at[a] == i) {
                masks[o] = adds[a].mask;
                kinds[o] = kindCode(adds[a].kind);
                out[o++] = adds[a++];
            } else if (d < drops.length && drops[d] == i) {
                i++;
                d++;
            }
        }
        return new Snapshot(out, masks, kinds);
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
