package dev.recruitdesk.store;

import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The index against a plain reference: filter every row by its words, sort by (name key, id). */
class CandidateIndexTest {

    private static final String[] FIRST = {"Ann", "Anna", "Mary Ann", "Marco", "Ma", "Öz", "Иван", "小明", "1st", "O'Neil"};
    private static final String[] LAST = {"Smith", "Smithers", "Jones-Bright", "Petrov", "王", "Mac", "Zed", "(Jr.)"};
    private static final String[] DOMAINS = {"x.org", "mail.ru", "corp.example", "ann.io"};

    record Ref(String id, String first, String last, String email, OrderStatus order) {
    }

    /** One page of random changes; {@code all} (the reference) follows them. */
    record Round(List<CandidateIndex.Row> upserts, List<String> removed) {

        /** Up to {@code most} changes to ids c0..c(ids-1): one in {@code removeOneIn} a removal, else {@code make}'s. */
        static Round random(Random random, Map<String, Ref> all, int most, int ids, int removeOneIn,
                            java.util.function.Function<String, Ref> make) {
            List<CandidateIndex.Row> upserts = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (int k = random.nextInt(most); k > 0; k--) {
                String id = "c" + random.nextInt(ids);
                if (random.nextInt(removeOneIn) == 0) {
                    removed.add(id);
                    all.remove(id);
                    upserts.removeIf(u -> u.id.equals(id));
                    continue;
                }
                Ref r = make.apply(id);
                all.put(id, r);
                removed.remove(id);
                upserts.add(row(r));
            }
            return new Round(upserts, removed);
        }
    }

    private static CandidateIndex.Row row(Ref r) {
        return new CandidateIndex.Row(r.id.hashCode(), r.id, SearchWords.nameKey(r.first, r.last),
                CacheStore.displayName(r.id, r.first, r.last, r.email), r.email, "Dev", "NEW", r.order,
                r.order == null ? null : r.order.kind(), null, CandidateIndex.words(r.first, r.last, r.email));
    }

    private static List<String> expected(Map<String, Ref> all, String text, OrderStatus.Kind kind) {
        String[] words = SearchWords.ofQuery(text);
        return all.values().stream()
                .filter(r -> kind == null || r.order != null && r.order.kind() == kind)
                .filter(r -> {
                    var mine = SearchWords.of(r.first, r.last, r.email);
                    for (String w : words) {
                        if (mine.stream().noneMatch(m -> m.startsWith(w))) {
                            return false;
                        }
                    }
                    return true;
                })
                .sorted(Comparator.comparing((Ref r) -> SearchWords.nameKey(r.first, r.last)).thenComparing(Ref::id))
                .map(Ref::id).toList();
    }

    @Test
    void countsAndPagesAsAFilterAndSortOfEveryRowWouldThroughUpsertsAndRemovals() {
        Random random = new Random(11);
        CandidateIndex index = new CandidateIndex();
        Map<String, Ref> all = new HashMap<>();
        OrderStatus[] orders = {null, OrderStatus.COMPLETED, OrderStatus.SENT, OrderStatus.of("weird"), OrderStatus.SENDING};
        String[] texts = {"", "a", "an", "ann", "anna", "m", "ma", "mar", "marco", "s", "smith", "smithe", "ann s",
                "s ann", "jones", "bright", "иван", "小", "王", "mail.ru", "ann.io", "o", "neil", "(jr", "jr", "1",
                "1st", "zed ma", "x", "corp", "%", "_", "ö", "öz", "zz"};
        for (int round = 0; round < 25; round++) {
            Round page = Round.random(random, all, 40, 300, 6, id -> {
                String first = FIRST[random.nextInt(FIRST.length)], last = LAST[random.nextInt(LAST.length)];
                String email = random.nextInt(8) == 0 ? null : first.toLowerCase().replaceAll("\\W", "") + "." + id + "@"
                        + DOMAINS[random.nextInt(DOMAINS.length)];
                return new Ref(id, random.nextInt(15) == 0 ? null : first, last, email, orders[random.nextInt(orders.length)]);
            });
            index.apply(page.upserts(), page.removed());
            assertThat(index.size()).isEqualTo(all.size());
            for (String text : texts) {
                for (OrderStatus.Kind kind : new OrderStatus.Kind[]{null, OrderStatus.Kind.COMPLETED, OrderStatus.Kind.UNKNOWN}) {
                    List<String> want = expected(all, text, kind);
                    assertThat(index.count(text, kind)).as("count '%s' %s", text, kind).isEqualTo(want.size());
                    assertThat(index.page(text, kind, 0, 1_000)).extracting(CandidateRow::id)
                            .as("'%s' %s", text, kind).containsExactlyElementsOf(want);
                    int from = want.isEmpty() ? 0 : random.nextInt(want.size());
                    assertThat(index.page(text, kind, from, 7)).extracting(CandidateRow::id)
                            .containsExactlyElementsOf(want.subList(from, Math.min(want.size(), from + 7)));
                }
            }
        }
    }

    @Test
    void aRowReplacedByIdMovesToItsNewPlaceAndKeepsNoOldWord() {
        CandidateIndex index = new CandidateIndex();
        index.apply(List.of(row(new Ref("c1", "Zoe", "Adams", "zoe@x.org", null)),
                row(new Ref("c2", "Bob", "Brown", "bob@x.org", null))), List.of());
        index.apply(List.of(row(new Ref("c1", "Al", "Able", "al@y.org", OrderStatus.COMPLETED))), List.of());

        assertThat(index.page("", null, 0, 10)).extracting(CandidateRow::id).containsExactly("c1", "c2");
        assertThat(index.count("zoe", null)).isZero();
        assertThat(index.count("y.org", OrderStatus.Kind.COMPLETED)).isEqualTo(1);
        index.apply(List.of(), List.of("c1", "unknown"));
        assertThat(index.page("", null, 0, 10)).extracting(CandidateRow::id).containsExactly("c2");
    }

    @Test
    void deferredPublishingEndsWhereApplyingEachPageWouldWithTheIdMapCurrentThroughout() {
        // A first full sync publishes its pages together (CandidateIndex.deferPublishing). Rows waiting to be
        // published are replaced, removed and added again, and published rows replaced and removed, in any mix:
        // the end must be the index that applying each page at once gives, and the id map must never lag.
        Random random = new Random(23);
        CandidateIndex deferred = new CandidateIndex();
        CandidateIndex direct = new CandidateIndex();
        Map<String, Ref> all = new HashMap<>();
        deferred.deferPublishing(true);
        for (int round = 0; round < 400; round++) {
            Round page = Round.random(random, all, 12, 60, 4, id -> new Ref(id, FIRST[random.nextInt(FIRST.length)],
                    LAST[random.nextInt(LAST.length)], id + "@" + DOMAINS[random.nextInt(DOMAINS.length)],
                    random.nextBoolean() ? null : OrderStatus.SENT));
            deferred.apply(page.upserts(), page.removed());
            direct.apply(page.upserts(), page.removed());
            for (int n = 0; n < 60; n++) {
                String id = "c" + n;
                assertThat(deferred.row(id) != null).as("%s in round %d", id, round).isEqualTo(all.containsKey(id));
                // both were given the same row objects
                assertThat(deferred.row(id)).isSameAs(direct.row(id));
            }
            if (random.nextInt(25) == 0) {
                // a publish in the middle (the time-based one), then deferring goes on
                deferred.deferPublishing(false);
                assertThat(ids(deferred)).isEqualTo(ids(direct));
                deferred.deferPublishing(true);
            }
        }
        deferred.deferPublishing(false);
        assertThat(ids(deferred)).isEqualTo(ids(direct)).isEqualTo(expected(all, "", null));
        for (String text : new String[]{"ann", "smith", "ma", "x.org", "иван"}) {
            assertThat(deferred.count(text, null)).isEqualTo(expected(all, text, null).size());
        }
    }

    private static List<String> ids(CandidateIndex index) {
        return java.util.Arrays.stream(index.rows()).map(r -> r.id).toList();
    }
}
