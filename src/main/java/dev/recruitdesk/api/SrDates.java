package dev.recruitdesk.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Lenient reading of the date-times SmartRecruiters and partners send: {@code Z}, {@code +01:00}, {@code +0000},
 * with or without seconds or fractions. A value that is not a date gives null rather than failing a whole page.
 */
final class SrDates {

    // Accepts "+01:00", "+0100", "+01" and "Z" for the offset.
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private SrDates() {
    }

    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            var parsed = OFFSET_DATE_TIME.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            // No offset at all: SR means UTC.
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    // Always three fraction digits: SR documents its filters as yyyy-MM-ddTHH:mm:ss.SSSZZ.
    private static final DateTimeFormatter FILTER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * The form SR's filters expect ({@code 2026-12-03T13:04:50.123Z}). Sub-millisecond digits are cut, which moves an
     * exclusive {@code updatedAfter} slightly earlier: a sync may see a record twice, never miss one.
     */
    static String format(Instant instant) {
        return FILTER.format(instant);
    }
}
