package dev.recruitdesk.store;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a candidate can be found by: each word of the name, the whole email, its domain and the pieces of its
 * local part ("ann.smith" gives "ann" and "smith"). A search word matches when it is a prefix of one of them, which
 * an index answers without a scan; a match in the middle of a word ("mith") is deliberately not found.
 */
public final class SearchWords {

    private static final Pattern NAME_SPLIT = Pattern.compile("[\\s\\p{Z}\\-‐‑'’.,()]+");
    private static final Pattern EMAIL_SPLIT = Pattern.compile("[@._+\\-]+");
    static final int MAX_WORD = 320;

    private SearchWords() {
    }

    public static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    public static String nameKey(String firstName, String lastName) {
        return (key(firstName) + " " + key(lastName)).strip();
    }

    public static Set<String> of(String firstName, String lastName, String email) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : NAME_SPLIT.split(nameKey(firstName, lastName))) {
            add(words, w);
        }
        String e = key(email);
        if (!e.isEmpty()) {
            add(words, e);
            int at = e.indexOf('@');
            String local = at >= 0 ? e.substring(0, at) : e;
            if (at >= 0) {
                add(words, e.substring(at + 1));
            }
            for (String w : EMAIL_SPLIT.split(local)) {
                add(words, w);
            }
        }
        return words;
    }

    /** The words of what the user typed; each must match (as a prefix) some word of the candidate. */
    public static String[] ofQuery(String text) {
        String k = key(text);
        return k.isEmpty() ? new String[0] : k.split("[\\s\\p{Z}]+");
    }

    private static void add(Set<String> words, String w) {
        if (!w.isEmpty()) {
            words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
        }
    }
}
