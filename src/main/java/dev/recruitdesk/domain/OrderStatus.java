package dev.recruitdesk.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * An assessment order's status as the server sent it. Statuses from outside are an open set: an unknown value is kept
 * raw (and shown raw) rather than rejected, so a new partner status never breaks a sync.
 */
public record OrderStatus(String raw) {

    /** The statuses the app knows how to present; {@link #UNKNOWN} covers everything else. */
    public enum Kind {
        SENDING(false), SENT(false), IN_PROGRESS(false), COMPLETED(true), PASSED(true),
        EXPIRED(true), CANCELLED(true), FAILED(true), UNKNOWN(false);

        private final boolean terminal;

        Kind(boolean terminal) { this.terminal = terminal; }

        public boolean terminal() { return terminal; }
    }

    public static final OrderStatus SENDING = new OrderStatus("SENDING");
    public static final OrderStatus SENT = new OrderStatus("SENT");
    public static final OrderStatus IN_PROGRESS = new OrderStatus("IN_PROGRESS");
    public static final OrderStatus COMPLETED = new OrderStatus("COMPLETED");
    public static final OrderStatus EXPIRED = new OrderStatus("EXPIRED");
    public static final OrderStatus FAILED = new OrderStatus("FAILED");
    public static final OrderStatus CANCELLED = new OrderStatus("CANCELLED");

    public OrderStatus {
        Objects.requireNonNull(raw, "raw");
        raw = raw.strip();
    }

    public static OrderStatus of(String raw) {
        return raw == null || raw.isBlank() ? new OrderStatus("UNKNOWN") : new OrderStatus(raw);
    }

    /** Maps SR, StackOne and legacy spellings ("in_progress", "In Progress", "NEW", "initiated") onto one kind. */
    public Kind kind() {
        String k = raw.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return switch (k) {
            case "SENDING", "QUEUED" -> Kind.SENDING;
            case "SENT", "NEW", "PENDING", "INITIATED", "ORDERED", "OPEN" -> Kind.SENT;
            case "IN_PROGRESS", "STARTED", "ACCEPTED" -> Kind.IN_PROGRESS;
            case "COMPLETED", "COMPLETE", "DONE" -> Kind.COMPLETED;
            case "PASSED" -> Kind.PASSED;
            case "EXPIRED" -> Kind.EXPIRED;
            case "CANCELLED", "CANCELED", "REJECTED" -> Kind.CANCELLED;
            case "FAILED", "ERROR" -> Kind.FAILED;
            default -> Kind.UNKNOWN;
        };
    }

    /** An order that has not reached an end state may still change and is worth polling. */
    public boolean isOpen() {
        return !kind().terminal();
    }
}
