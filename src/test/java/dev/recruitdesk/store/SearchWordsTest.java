package dev.recruitdesk.store;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SearchWordsTest {

    /** The expressions the hand-written splits replaced: the reference for what a word is. */
    private static final Pattern NAME_SPLIT = Pattern.compile("[\\s\\p{Z}\\-‐‑'’.,()]+");
    private static final Pattern EMAIL_SPLIT = Pattern.compile("[@._+\\-]+");

    private static Set<String> byRegex(String first, String last, String email) {
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(NAME_SPLIT.split(SearchWords.nameKey(first, last))).filter(w -> !w.isEmpty()).forEach(words::add);
        String e = SearchWords.key(email);
        if (!e.isEmpty()) {
            words.add(e);
            int at = e.indexOf('@');
            if (at >= 0) {
                String domain = e.substring(at + 1);
                if (!domain.isEmpty()) {
                    words.add(domain);
                }
            }
            Arrays.stream(EMAIL_SPLIT.split(at >= 0 ? e.substring(0, at) : e)).filter(w -> !w.isEmpty()).forEach(words::add);
        }
        return words;
    }

    @Test
    void handWrittenSplitsGiveTheWordsTheExpressionsGave() {
        String[][] cases = {
                {"Mary Ann", "Jones-Bright", "mj_100%@x.org"},
                {" O’Brien ", "(Jr.)", "a..b++c@@d"},
                {"Anne\u00A0Marie", "Li\u2003Wu", "-x-@"},
                {"Иван", "Петров", "ivan.petrov@mail.ru"},
                {"小明", "王", ""},
                {null, null, null},
                {"a\u2028b", "c\u2029d\u000Be", "@only.domain"},
        };
        for (String[] c : cases) {
            assertThat(SearchWords.of(c[0], c[1], c[2])).as(Arrays.toString(c)).containsExactlyElementsOf(byRegex(c[0], c[1], c[2]));
        }
        Random r = new Random(5);
        String alphabet = "aB .-_+@'’‐‑,()\t\u00A0\u2007xyzÄ小";
        for (int i = 0; i < 2_000; i++) {
            String[] parts = new String[3];
            for (int p = 0; p < 3; p++) {
                StringBuilder b = new StringBuilder();
                for (int k = r.nextInt(12); k > 0; k--) {
                    b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                parts[p] = b.toString();
            }
            assertThat(SearchWords.of(parts[0], parts[1], parts[2])).as(String.join("|", parts).toLowerCase(Locale.ROOT))
                    .containsExactlyElementsOf(byRegex(parts[0], parts[1], parts[2]));
        }
    }
}
