package dev.recruitdesk.ui.people;

import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.ui.common.Messages;

/** The choices of the People list's status filter; {@link #NONE_OR_OTHER} asks for candidates without a known status. */
public enum StatusOption {
    ALL(null), SENDING(OrderStatus.Kind.SENDING), SENT(OrderStatus.Kind.SENT), IN_PROGRESS(OrderStatus.Kind.IN_PROGRESS),
    COMPLETED(OrderStatus.Kind.COMPLETED), EXPIRED(OrderStatus.Kind.EXPIRED), CANCELLED(OrderStatus.Kind.CANCELLED),
    FAILED(OrderStatus.Kind.FAILED), NONE_OR_OTHER(OrderStatus.Kind.UNKNOWN);

    private final OrderStatus.Kind kind;

    StatusOption(OrderStatus.Kind kind) {
        this.kind = kind;
    }

    /** Null for "All". */
    public OrderStatus.Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return Messages.get("people.filter." + name());
    }
}
