package dev.recruitdesk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, bytes and any extra headers. */
record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    static SimResponse json(int status, JsonNode node) {
        return new SimResponse(status, JSON, Json.bytes(node), new LinkedHashMap<>());
    }

    static SimResponse ok(JsonNode node) {
        return json(200, node);
    }

    static SimResponse noContent() {
        return new SimResponse(204, null, new byte[0], new LinkedHashMap<>());
    }

    static SimResponse html(String page) {
        return new SimResponse(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    static SimResponse bytes(String contentType, byte[] body) {
        return new SimResponse(200, contentType, body, new LinkedHashMap<>());
    }

    /** SmartRecruiters' error body: {"message","errors":[{"code","message"(,"field")}]}. */
    static SimResponse error(SimError e) {
        ObjectNode body = Json.object();
        body.put("message", e.getMessage());
        ArrayNode errors = body.putArray("errors");
        if (e.fieldErrors.isEmpty()) {
            ObjectNode err = errors.addObject();
            err.put("code", e.code);
            err.put("message", e.getMessage());
        } else {
            for (SimError.FieldError f : e.fieldErrors) {
                ObjectNode err = errors.addObject();
                err.put("code", f.code());
                err.put("message", f.message());
                err.put("field", f.field());
            }
        }
        return json(e.status, body);
    }

    SimResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
