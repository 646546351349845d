package dev.recruitdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Attachment;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.Score;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads StackOne's unified ATS assessment shapes (snake_case, often inside a {@code data} wrapper). SmartRecruiters
 * never sends these to the app; they are what the partner side speaks, kept here so a result StackOne reports can be
 * read with the same rules as SR's (scores as strings, open status set).
 */
final class StackOneJson {

    private StackOneJson() {
    }

    /** {@code POST /unified/ats/assessments/orders} answer. */
    record CreatedOrder(String id, String remoteId, String testUrl) {
    }

    /** An order as StackOne passes it to the partner ({@code GET .../orders/{id}} or the create request). */
    record Order(String id, String remoteId, String packageId, String packageName, String applicationId,
                 String applicationStatus, String jobId, String jobTitle, String candidateId, String candidateFirstName,
                 String candidateLastName, List<String> candidateEmails, String requesterEmail, String resultsUpdateUrl) {
    }

    /** {@code PATCH .../orders/{id}/result} body: what the partner reports. */
    record Result(String orderId, Score score, OrderStatus status, String summary, String resultUrl,
                  List<Attachment> attachments, Instant startedOn, Instant submittedOn) {
    }

    /** StackOne's acknowledgement of a write. */
    record Ack(int statusCode, String message, Instant timestamp) {
    }

    /** A page of packages and the cursor for the next one (null on the last page). */
    record PackagePage(List<AssessmentPackage> packages, String next) {
    }

    static PackagePage parsePackages(String partnerId, String json) throws IOException {
        JsonNode root = tree(json);
        List<AssessmentPackage> out = new ArrayList<>();
        for (JsonNode p : array(root.get("data"))) {
            String id = text(p, "id");
            if (id != null) {
                out.add(new AssessmentPackage(id, partnerId, text(p, "name"), text(p, "description"), text(p, "type"), 0));
            }
        }
        String next = text(root, "next");
        return new PackagePage(List.copyOf(out), next == null || next.isBlank() ? null : next);
    }

    static CreatedOrder parseCreatedOrder(String json) throws IOException {
        JsonNode root = unwrap(tree(json));
        return new CreatedOrder(text(root, "id"), text(root, "remote_id"), text(root, "test_url"));
    }

    static Order parseOrder(String json) throws IOException {
        JsonNode o = unwrap(tree(json));
        JsonNode pkg = o.path("package");
        JsonNode app = o.path("application");
        JsonNode job = o.path("job");
        JsonNode cand = o.path("candidate");
        List<String> emails = new ArrayList<>();
        for (JsonNode e : array(cand.get("emails"))) {
            String v = e.isTextual() ? blankToNull(e.asText()) : text(e, "value");
            if (v != null) {
                emails.add(v);
            }
        }
        JsonNode status = app.path("application_status");
        String appStatus = status.isTextual() ? status.asText() : text(status, "value");
        return new Order(text(o, "id"), text(o, "remote_id"), text(pkg, "id"), text(pkg, "name"), text(app, "id"),
                appStatus, text(job, "id"), text(job, "title"), text(cand, "id"), text(cand, "first_name"),
                text(cand, "last_name"), List.copyOf(emails), text(o.path("requester"), "email"),
                text(o, "results_update_url"));
    }

    static Result parseResult(String json) throws IOException {
        JsonNode r = unwrap(tree(json));
        Score score = null;
        JsonNode s = r.get("score");
        if (s != null && s.isObject() && text(s, "value") != null) {
            score = new Score(text(s, "label"), text(s, "value"), text(s, "min"), text(s, "max"));
        } else if (s != null && s.isValueNode() && blankToNull(s.asText()) != null) {
            score = new Score(null, s.asText().strip(), null, null);
        }
        JsonNode result = r.path("result");
        String statusValue = result.isTextual() ? result.asText() : text(result, "value");
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode a : array(r.get("attachments"))) {
            String url = text(a, "url");
            if (url == null) {
                continue;
            }
            JsonNode ct = a.path("content_type");
            String contentType = ct.isTextual() ? ct.asText() : text(ct, "source_value");
            attachments.add(new Attachment(text(a, "id"), text(a, "name"), contentType, url));
        }
        return new Result(text(r, "id"), score, statusValue == null ? null : OrderStatus.of(statusValue),
                text(r, "summary"), text(r, "result_url"), List.copyOf(attachments),
                SrDates.parse(text(r, "start_date")), SrDates.parse(text(r, "submission_date")));
    }

    static Ack parseAck(String json) throws IOException {
        JsonNode root = tree(json);
        JsonNode code = root.get("statusCode");
        int statusCode = code == null ? 0 : code.asInt(0);
        return new Ack(statusCode, text(root, "message"), SrDates.parse(text(root, "timestamp")));
    }

    private static JsonNode tree(String json) throws IOException {
        if (json == null || json.isBlank()) {
            throw new IOException("empty body");
        }
        JsonNode root = SrJson.MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        return root;
    }

    private static JsonNode unwrap(JsonNode root) {
        JsonNode data = root.get("data");
        return data != null && data.isObject() ? data : root;
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
