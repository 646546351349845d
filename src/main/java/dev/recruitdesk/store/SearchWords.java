package dev.recruitdesk.store;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words a candidate can be found by: each word of the name, the whole email, its domain and the pieces of its
 * local part ("ann.smith" gives "ann" and "smith"). A search word matches when it is a prefix of one of them (see
 * {@link CandidateIndex}); a match in the middle of a word ("mith") is deliberately not found.
 */
public final class SearchWords {

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
        split(nameKey(firstName, lastName), SearchWords::isNameSeparator, words);
        String e = key(email);
        if (!e.isEmpty()) {
            add(words, e);
            int at = e.indexOf('@');
            String local = at >= 0 ? e.substring(0, at) : e;
            if (at >= 0) {
                add(words, e.substring(at + 1));
            }
            split(local, SearchWords::isEmailSeparator, words);
        }
        return words;
    }

    /*
     * The splits below were regular expressions ([\s\p{Z}\-‐‑'’.,()]+ and [@._+\-]+); written out by hand they
     * cost a tenth as much, which matters when the index is built from 100,000 rows at start.
     * SearchWordsTest checks them against the expressions.
     */
    static boolean isNameSeparator(char c) {
        switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '-', '‐', '‑', '\'', '’', '.', ',', '(', ')':
                return true;
            default:
                int type = Character.getType(c);
                return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR;
        }
    }

    static boolean isEmailSeparator(char c) {
        return c == '@' || c == '.' || c == '_' || c == '+' || c == '-';
    }

    interface CharTest {
        boolean test(char c);
    }

    private static void split(String s, CharTest separator, Set<String> words) {
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean sep = i == s.length() || separator.test(s.charAt(i));
            if (sep && start >= 0) {
                add(words, s.substring(start, i));
                start = -1;
            } else if (!sep && start < 0) {
                start = i;
            }
        }
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
