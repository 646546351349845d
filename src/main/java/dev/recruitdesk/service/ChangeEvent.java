package dev.recruitdesk.service;

import java.util.Set;

/** Announced after the cache changed, so open views can refresh. An empty id set means "possibly anything". */
public record ChangeEvent(Kind kind, Set<String> candidateIds) {

    public enum Kind { CANDIDATES, ORDERS, SETTINGS }

    public boolean touches(String candidateId) {
        return candidateIds.isEmpty() || candidateIds.contains(candidateId);
    }
}
