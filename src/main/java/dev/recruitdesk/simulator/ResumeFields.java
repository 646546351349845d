package dev.recruitdesk.simulator;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Name, email and phone picked from a résumé's text: the first email, and the first line that reads like a name. */
record ResumeFields(String firstName, String lastName, String email, String phone) {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{6,}[0-9]");
    /** Letters of any script, with the marks, hyphens, apostrophes and dots names carry. */
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’.-]*");
    private static final Pattern LABEL = Pattern.compile("^(name|full name|candidate|nom|nombre|имя)\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> HEADINGS = Set.of("curriculum vitae", "resume", "résumé", "cv", "profile",
            "summary", "contact", "experience", "education", "skills", "lebenslauf", "резюме", "履歴書", "简历");
    /** Scripts written without spaces between given and family name (a CJK name of 2..4 characters). */
    private static final Pattern CJK_NAME = Pattern.compile("^[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]{2,4}$");

    static ResumeFields from(String text) {
        String normalized = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        Matcher m = EMAIL.matcher(normalized);
        String email = m.find() ? m.group() : null;
        Matcher p = PHONE.matcher(normalized);
        String phone = p.find() ? p.group().strip() : null;
        String first = null;
        String last = null;
        int looked = 0;
        for (String raw : normalized.split("\\R")) {
            String line = LABEL.matcher(raw.strip()).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (++looked > 15) {
                break;
            }
            if (HEADINGS.contains(line.toLowerCase(Locale.ROOT).replaceAll("[:.]$", ""))) {
                continue;
            }
            List<String> words = List.of(line.split("[\\s\\u3000]+"));
            if (words.size() >= 2 && words.size() <= 4 && words.stream().allMatch(w -> NAME_WORD.matcher(w).matches())) {
                first = String.join(" ", words.subList(0, words.size() - 1));
                last = words.get(words.size() - 1);
                break;
            }
            if (words.size() == 1 && CJK_NAME.matcher(line).matches()) {
                // Family name first, then the given name: a guess, two and two for four characters, else one.
                int family = line.length() == 4 ? 2 : 1;
                last = line.substring(0, family);
                first = line.substring(family);
                break;
            }
        }
        return new ResumeFields(first, last, email, phone);
    }
}
