package dev.recruitdesk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** The simulator's one ObjectMapper and its date format (always UTC, always milliseconds, like SmartRecruiters). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** ISO-8601 with an offset written as Z, +01:00, +0100 or +01; a missing offset means UTC. */
    private static final DateTimeFormatter IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter(java.util.Locale.ROOT);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String date(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Parses a timestamp from a query string; a '+' decoded to a space by form decoding is put back. */
    static Instant parseInstant(String text) {
        String t = text.strip().replace(' ', '+');
        try {
            return IN.parse(t, Instant::from);
        } catch (DateTimeParseException e) {
            throw SimError.badRequest("INVALID_PARAMETER", "Not an ISO-8601 date-time: " + text);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(byte[] body) {
        if (body.length == 0) {
            throw SimError.badRequest("INVALID_BODY", "A JSON body is required");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw SimError.badRequest("INVALID_BODY", "The body must be a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw SimError.badRequest("INVALID_BODY", "The body is not valid JSON");
        }
    }

    /** A text field or null when absent, null, blank or not text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        return v.asText().strip();
    }
}
