package dev.recruitdesk.domain;

import java.util.List;
import java.util.Map;

/** A hiring process: SR's main statuses, each with its custom steps (sub-statuses). */
public record HiringProcess(String id, String name, boolean active, Map<String, List<String>> stepsByStatus) {
}
