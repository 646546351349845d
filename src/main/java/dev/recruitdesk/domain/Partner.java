package dev.recruitdesk.domain;

/** An assessment partner reached through the connected integration. {@code type}: SKILLS_TEST, PERSONALITY, BACKGROUND_CHECK, or other. */
public record Partner(String id, String name, String type) {
}
