package dev.recruitdesk.domain;

public record Attachment(String id, String name, String contentType, String url) {
}
