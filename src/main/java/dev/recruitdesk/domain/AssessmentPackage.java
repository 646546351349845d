package dev.recruitdesk.domain;

/** A package a partner offers. {@code expectedMinutes} is how long the partner usually takes; 0 if unknown. */
public record AssessmentPackage(String id, String partnerId, String name, String description, String type, int expectedMinutes) {
}
