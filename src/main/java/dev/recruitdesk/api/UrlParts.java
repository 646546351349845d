package dev.recruitdesk.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds paths and query strings. Every value is percent-encoded exactly once here, and the result goes to
 * {@code URI.create} (which does not encode again); an opaque {@code pageId} thus reaches SR as it was given.
 */
final class UrlParts {

    private final List<String> pairs = new ArrayList<>();

    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty path segment");
        }
        return encode(value);
    }

    static String encode(String value) {
        // URLEncoder does form encoding; "%20" for a space is right in both a path and a query.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    UrlParts add(String key, String value) {
        if (value != null && !value.isEmpty()) {
            pairs.add(encode(key) + "=" + encode(value));
        }
        return this;
    }

    /** Repeated keys ({@code status=A&status=B}), as SR wants them, never a comma list. */
    UrlParts addAll(String key, List<String> values) {
        if (values != null) {
            for (String v : values) {
                add(key, v);
            }
        }
        return this;
    }

    String query() {
        return String.join("&", pairs);
    }

    String appendTo(String path) {
        return pairs.isEmpty() ? path : path + "?" + query();
    }
}
