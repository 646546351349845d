package dev.recruitdesk.domain;

/** A job as the cache knows it. {@code hiringProcessId} may be null: SR documents no link from job to process. */
public record Job(String id, String title, String status, String department, String location, String hiringProcessId) {
}
