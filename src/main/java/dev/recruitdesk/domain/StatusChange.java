package dev.recruitdesk.domain;

import java.time.Instant;

public record StatusChange(OrderStatus status, Instant changedOn) {
}
