package dev.recruitdesk.simulator;

import java.util.List;
import java.util.Map;

/** One parsed HTTP request as handlers see it. Header names are lower-case. */
record SimRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                  Map<String, String> headers, byte[] body) {

    String param(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter, or null. */
    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    String header(String name) {
        return headers.get(name);
    }
}
