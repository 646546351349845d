package dev.recruitdesk.simulator;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into ASCII for e-mail addresses and PDF text: diacritics stripped, Cyrillic transliterated. */
final class Ascii {

    private static final String[] CYRILLIC = new String[0x500 - 0x400];

    static {
        String lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ";
        String[] latin = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
            "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"};
        for (int i = 0; i < lower.length(); i++) {
            char lc = lower.charAt(i);
            CYRILLIC[lc - 0x400] = latin[i];
            char uc = Character.toUpperCase(lc);
            String up = latin[i].isEmpty() ? "" : Character.toUpperCase(latin[i].charAt(0)) + latin[i].substring(1);
            CYRILLIC[uc - 0x400] = up;
        }
    }

    private Ascii() {
    }

    /** Best-effort ASCII; characters with no Latin reading (CJK, Arabic) are dropped. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x400 && c < 0x500 && CYRILLIC[c - 0x400] != null) {
                sb.append(CYRILLIC[c - 0x400]);
            } else if (c == 'ł') {
                sb.append('l');
            } else if (c == 'Ł') {
                sb.append('L');
            } else if (c == 'ß') {
                sb.append("ss");
            } else if (c == 'ø') {
                sb.append('o');
            } else if (c == 'Ø') {
                sb.append('O');
            } else {
                sb.append(c);
            }
        }
        String decomposed = Normalizer.normalize(sb, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 0x80) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Lower-case letters and digits only, for an e-mail local part. */
    static String emailPart(String s) {
        String folded = fold(s).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
