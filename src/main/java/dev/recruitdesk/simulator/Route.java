package dev.recruitdesk.simulator;

import java.util.HashMap;
import java.util.Map;

/** One endpoint: method, path template ("/candidates/{id}"), whether it needs credentials, and its handler. */
record Route(String method, String template, boolean authenticated, boolean candidateList, Handler handler) {

    @FunctionalInterface
    interface Handler {
        SimResponse handle(SimRequest request);
    }

    /** The rate limiter's endpoint key. */
    String key() {
        return method + " " + template;
    }

    /** Path parameters when the decoded segments fit the template, else null. */
    Map<String, String> match(String[] segments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>(4);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("{")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), segments[i]);
            } else if (!p.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }
}
