package dev.recruitdesk.domain;

import java.time.Instant;

/** One line of the People list: small on purpose, so 100,000 of them stay cheap. */
public record CandidateRow(String id, String name, String email, String jobs, String applicationStatus,
                           OrderStatus latestOrderStatus, Instant updatedOn) {
}
