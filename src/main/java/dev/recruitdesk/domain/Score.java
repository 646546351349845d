package dev.recruitdesk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A score as the partner gave it (StackOne sends value, min and max as strings), plus a 0-100 value when the range is
 * known and the value is a number inside it.
 */
public record Score(String label, String value, String min, String max) {

    public Optional<Double> normalised() {
        BigDecimal v = number(value), lo = number(min), hi = number(max);
        if (v == null || lo == null || hi == null || hi.compareTo(lo) <= 0) {
            return Optional.empty();
        }
        if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
            return Optional.empty();
        }
        BigDecimal pct = v.subtract(lo).multiply(BigDecimal.valueOf(100)).divide(hi.subtract(lo), 1, RoundingMode.HALF_UP);
        return Optional.of(pct.doubleValue());
    }

    /** What to show for the score as given: "82 / 100", or just the value when there is no range. */
    public String asGiven() {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (max != null && !max.isBlank() && number(value) != null) {
            return value.strip() + " / " + max.strip();
        }
        return value.strip();
    }

    private static BigDecimal number(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replace(',', '.');
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
