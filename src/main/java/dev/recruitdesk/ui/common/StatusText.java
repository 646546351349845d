package dev.recruitdesk.ui.common;

import dev.recruitdesk.domain.OrderStatus;

/** The word for an order status; an unknown status is shown exactly as the server sent it. */
public final class StatusText {

    private StatusText() {
    }

    public static String of(OrderStatus status) {
        if (status == null) {
            return Messages.get("status.none");
        }
        OrderStatus.Kind kind = status.kind();
        return kind == OrderStatus.Kind.UNKNOWN ? status.raw() : Messages.get("status." + kind.name());
    }

    public static String of(OrderStatus.Kind kind) {
        return Messages.get("status." + kind.name());
    }
}
