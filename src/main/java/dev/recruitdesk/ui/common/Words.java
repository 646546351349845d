package dev.recruitdesk.ui.common;

import java.util.Locale;

/** Presents raw vocabulary values from SmartRecruiters ("IN_REVIEW") as words ("In review"), keeping anything else as is. */
public final class Words {

    private Words() {
    }

    public static String humanize(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = raw.strip();
        // Only SCREAMING_SNAKE values are rewritten: a status someone typed in mixed case is shown as typed.
        if (!s.equals(s.toUpperCase(Locale.ROOT)) || !s.matches("[A-Z0-9_ ]+")) {
            return s;
        }
        String words = s.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
