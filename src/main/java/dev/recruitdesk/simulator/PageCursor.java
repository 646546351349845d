package dev.recruitdesk.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code pageId} of a candidate listing: the last (updatedOn, id) served plus the listing's filters, in
 * URL-safe base64. Keyed on the position rather than an offset, so candidates that change while a client pages
 * move to the end instead of shifting every later page.
 */
record PageCursor(long updatedOn, String id, CandidateQuery query) {

    private static final String VERSION = "c1";

    String encode() {
        String raw = VERSION + "\n" + updatedOn + "\n" + id + "\n" + query.encode();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String pageId) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(pageId.strip()), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("bad cursor");
            }
            return new PageCursor(Long.parseLong(parts[1]), parts[2], CandidateQuery.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw SimError.badRequest("INVALID_PAGE_ID", "pageId is not a page id this server issued");
        }
    }
}
