package dev.recruitdesk.service;

import dev.recruitdesk.domain.OrderStatus;

/**
 * What the People list asks for: free text (matched against name and email, in the database) and an optional
 * latest-assessment-status kind. Null kind means any status.
 */
public record CandidateFilter(String text, OrderStatus.Kind statusKind) {

    public static final CandidateFilter ALL = new CandidateFilter("", null);

    public CandidateFilter {
        text = text == null ? "" : text.strip();
    }
}
