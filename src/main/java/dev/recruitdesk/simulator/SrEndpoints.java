package dev.recruitdesk.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Every endpoint of docs/wire-contract.md, as routes over the store. */
final class SrEndpoints {

    private static final String ASSESSMENT = "/assessment-api/v202107";
    /** The CV endpoint's size limit (SmartRecruiters' web UI also caps résumés at a few MB). */
    static final int MAX_CV_BYTES = 5 * 1024 * 1024;
    private static final List<String> STEP_STATUSES = List.of("IN_REVIEW", "INTERVIEW", "OFFERED");

    private final SimStore store;
    private final Credentials credentials;
    private final String recruiterEmail;

    SrEndpoints(SimStore store, Credentials credentials, String recruiterEmail) {
        this.store = store;
        this.credentials = credentials;
        this.recruiterEmail = recruiterEmail;
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("POST", "/identity/oauth/token", false, false, this::oauthToken));
        r.add(api("GET", "/user-api/v201804/users/me", req -> SimResponse.ok(me())));
        r.add(new Route("GET", "/candidates", true, true, this::listCandidates));
        r.add(api("GET", "/candidates/{id}", req -> SimResponse.ok(store.candidateDetails(req.param("id")))));
        r.add(api("GET", "/candidates/{id}/jobs/{jobId}",
                req -> SimResponse.ok(store.application(req.param("id"), req.param("jobId")))));
        r.add(api("PUT", "/candidates/{id}/jobs/{jobId}/status", this::moveApplication));
        r.add(api("GET", "/jobs", this::listJobs));
        r.add(api("GET", "/jobs/{jobId}", req -> SimResponse.ok(store.job(req.param("jobId")))));
        r.add(api("POST", "/jobs/{jobId}/candidates", this::createCandidate));
        r.add(api("POST", "/jobs/{jobId}/candidates/cv", this::createCandidateFromCv));
        r.add(api("GET", "/configuration/hiring-processes", req -> SimResponse.ok(store.hiringProcesses())));
        r.add(api("POST", "/configuration/hiring-processes/{processId}/steps", this::addStep));
        r.add(api("PUT", "/configuration/hiring-processes/{processId}/auto-triggers", this::saveAutoTrigger));
        r.add(api("GET", ASSESSMENT + "/integrations/stackone", req -> SimResponse.ok(store.integration())));
        r.add(api("POST", ASSESSMENT + "/integrations/stackone", this::connect));
        r.add(api("DELETE", ASSESSMENT + "/integrations/stackone", req -> {
            store.disconnect();
            return SimResponse.noContent();
        }));
        r.add(api("GET", ASSESSMENT + "/partners", req -> SimResponse.ok(store.partners())));
        r.add(api("GET", ASSESSMENT + "/partners/{partnerId}/packages",
                req -> SimResponse.ok(store.packages(req.param("partnerId")))));
        r.add(api("GET", ASSESSMENT + "/assessment-orders", this::listOrders));
        r.add(api("POST", ASSESSMENT + "/assessment-orders", this::placeOrder));
        r.add(api("GET", ASSESSMENT + "/assessment-orders/{orderId}",
                req -> SimResponse.ok(store.order(req.param("orderId")))));
        r.add(api("GET", ASSESSMENT + "/assessment-orders/{orderId}/attachments/{attachmentId}", this::attachment));
        r.add(new Route("GET", "/reports/{orderId}", false, false,
                req -> SimResponse.html(store.reportHtml(req.param("orderId"), req.queryParam("t")))));
        return r;
    }

    private static Route api(String method, String template, Route.Handler handler) {
        return new Route(method, template, true, false, handler);
    }

    // ---- identity ----

    private SimResponse oauthToken(SimRequest req) {
        Map<String, List<String>> form = SimHttpHandler.query(new String(req.body(), StandardCharsets.UTF_8));
        String grant = first(form, "grant_type");
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        String basic = req.header("authorization");
        if (id == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(basic.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    id = pair.substring(0, colon);
                    secret = pair.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                id = null;
            }
        }
        if (!"client_credentials".equals(grant)) {
            throw SimError.badRequest("UNSUPPORTED_GRANT_TYPE", "grant_type must be client_credentials");
        }
        if (!credentials.validClient(id, secret)) {
            throw new SimError(401, "UNAUTHORIZED", "Invalid or missing credentials");
        }
        ObjectNode n = Json.object();
        n.put("access_token", credentials.issueBearer());
        n.put("token_type", "bearer");
        n.put("expires_in", Credentials.TOKEN_LIFETIME_SECONDS);
        return SimResponse.ok(n);
    }

    private ObjectNode me() {
        ObjectNode n = Json.object();
        n.put("id", DemoCatalog.fixedId("user:" + recruiterEmail));
        n.put("firstName", "Alex");
        n.put("lastName", "Morgan");
        n.put("email", recruiterEmail);
        n.put("role", "ADMINISTRATOR");
        return n;
    }

    // ---- candidates ----

    private SimResponse listCandidates(SimRequest req) {
        int limit = limit(req);
        Long updatedAfter = null;
        String ua = req.queryParam("updatedAfter");
        if (ua != null && !ua.isBlank()) {
            updatedAfter = Json.parseInstant(ua).toEpochMilli();
        }
        List<String> statuses = req.queryParams("status");
        for (String s : statuses) {
            if (!CandidateQuery.APPLICATION_STATUSES.contains(s)) {
                throw SimError.badRequest("INVALID_PARAMETER", "Unknown status: " + s);
            }
        }
        CandidateQuery query = new CandidateQuery(req.queryParam("q"), new TreeSet<>(req.queryParams("jobId")),
                new TreeSet<>(statuses), updatedAfter);
        PageCursor cursor = null;
        String pageId = req.queryParam("pageId");
        if (pageId != null && !pageId.isBlank()) {
            cursor = PageCursor.decode(pageId);
            // A client may repeat its filters with the pageId or send the pageId alone; both continue the listing.
            if (query.empty()) {
                query = cursor.query();
            } else if (!query.equals(cursor.query())) {
                throw SimError.badRequest("INVALID_PAGE_ID", "pageId belongs to a listing with other filters");
            }
        }
        return SimResponse.ok(store.listCandidates(query, cursor, limit));
    }

    private SimResponse moveApplication(SimRequest req) {
        JsonNode body = Json.read(req.body());
        String status = Json.text(body, "status");
        if (status == null || !CandidateQuery.APPLICATION_STATUSES.contains(status)) {
            throw new SimError(400, "INVALID_STATUS", "status must be one of "
                    + String.join(", ", new TreeSet<>(CandidateQuery.APPLICATION_STATUSES)),
                    List.of(new SimError.FieldError("status", "INVALID_STATUS",
                            status == null ? "status is required" : "Unknown status: " + status)));
        }
        store.moveApplication(req.param("id"), req.param("jobId"), status, Json.text(body, "subStatus"));
        return SimResponse.noContent();
    }

    private SimResponse createCandidate(SimRequest req) {
        JsonNode body = Json.read(req.body());
        String first = Json.text(body, "firstName");
        String last = Json.text(body, "lastName");
        String email = Json.text(body, "email");
        List<SimError.FieldError> errors = new ArrayList<>();
        if (first == null) {
            errors.add(new SimError.FieldError("firstName", "REQUIRED", "firstName is required"));
        }
        if (last == null) {
            errors.add(new SimError.FieldError("lastName", "REQUIRED", "lastName is required"));
        }
        if (email == null) {
            errors.add(new SimError.FieldError("email", "REQUIRED", "email is required"));
        } else if (!SimStore.validEmail(email)) {
            errors.add(new SimError.FieldError("email", "INVALID_EMAIL", "email is not a valid address"));
        }
        if (!errors.isEmpty()) {
            throw new SimError(400, "VALIDATION_ERROR", "The candidate is not valid", errors);
        }
        ObjectNode created = store.createCandidate(req.param("jobId"), first, last, email,
                Json.text(body, "phoneNumber"));
        return SimResponse.json(201, created);
    }

    /** [SIM] SR's CV endpoint: parses the résumé and creates the candidate from what it finds. */
    private SimResponse createCandidateFromCv(SimRequest req) {
        if (req.body().length > MAX_CV_BYTES + 64 * 1024) {
            throw tooLarge();
        }
        Multipart.FilePart file = Multipart.file(req.header("content-type"), req.body(), "file");
        String type = ResumeText.typeOf(file.fileName());
        if (file.content().length == 0) {
            throw new SimError(400, "EMPTY_FILE", "The résumé file is empty");
        }
        if (file.content().length > MAX_CV_BYTES) {
            throw tooLarge();
        }
        ResumeFields fields = ResumeFields.from(ResumeText.extract(type, file.content()));
        List<SimError.FieldError> missing = new ArrayList<>();
        if (fields.email() == null) {
            missing.add(new SimError.FieldError("email", "NOT_FOUND_IN_CV", "No email address found in the résumé"));
        }
        if (fields.firstName() == null || fields.lastName() == null) {
            missing.add(new SimError.FieldError("name", "NOT_FOUND_IN_CV", "No name found in the résumé"));
        }
        if (!missing.isEmpty()) {
            throw new SimError(422, "CV_PARSE_FAILED", "The résumé does not show a name and an email address",
                    missing);
        }
        ObjectNode created = store.createCandidate(req.param("jobId"), fields.firstName(), fields.lastName(),
                fields.email(), fields.phone());
        return SimResponse.json(201, created);
    }

    private static SimError tooLarge() {
        return new SimError(413, "FILE_TOO_LARGE", "Résumés may be at most " + (MAX_CV_BYTES / (1024 * 1024)) + " MB");
    }

    // ---- hiring-process configuration [SIM] ----

    private SimResponse addStep(SimRequest req) {
        JsonNode body = Json.read(req.body());
        String status = Json.text(body, "status");
        String name = Json.text(body, "name");
        List<SimError.FieldError> errors = new ArrayList<>();
        if (status == null || !STEP_STATUSES.contains(status)) {
            errors.add(new SimError.FieldError("status", "INVALID_STATUS", "Steps go under " + STEP_STATUSES));
        }
        if (name == null || name.isBlank()) {
            errors.add(new SimError.FieldError("name", "REQUIRED", "name is required"));
        } else if (name.strip().length() > 80) {
            errors.add(new SimError.FieldError("name", "TOO_LONG", "name is at most 80 characters"));
        }
        if (!errors.isEmpty()) {
            throw new SimError(400, "VALIDATION_ERROR", "The step is not valid", errors);
        }
        return SimResponse.json(201, store.addStep(req.param("processId"), status, name.strip()));
    }

    private SimResponse saveAutoTrigger(SimRequest req) {
        JsonNode body = Json.read(req.body());
        String status = Json.text(body, "status");
        String subStatus = Json.text(body, "subStatus");
        String partnerId = Json.text(body, "partnerId");
        String packageId = Json.text(body, "packageId");
        List<SimError.FieldError> errors = new ArrayList<>();
        if (status == null || !STEP_STATUSES.contains(status)) {
            errors.add(new SimError.FieldError("status", "INVALID_STATUS", "Steps go under " + STEP_STATUSES));
        }
        if (subStatus == null) {
            errors.add(new SimError.FieldError("subStatus", "REQUIRED", "subStatus is required"));
        }
        if (partnerId != null && packageId == null) {
            errors.add(new SimError.FieldError("packageId", "REQUIRED", "packageId is required with a partner"));
        }
        if (!errors.isEmpty()) {
            throw new SimError(400, "VALIDATION_ERROR", "The assessment rule is not valid", errors);
        }
        return SimResponse.ok(store.saveStepAssessment(req.param("processId"), status, subStatus, partnerId,
                packageId, body.path("onMove").asBoolean(true), body.path("onAdd").asBoolean(false),
                body.path("orderExisting").asBoolean(false)));
    }

    // ---- jobs ----

    private SimResponse listJobs(SimRequest req) {
        int limit = limit(req);
        String pageId = req.queryParam("pageId");
        int offset = pageId == null || pageId.isBlank() ? 0 : SimStore.JobCursor.decode(pageId);
        return SimResponse.ok(store.listJobs(Math.min(offset, store.jobCount()), limit));
    }

    // ---- assessments ----

    private SimResponse connect(SimRequest req) {
        JsonNode body = Json.read(req.body());
        String token = Json.text(body, "externalTriggerToken");
        if (!Credentials.same(credentials.triggerToken, token)) {
            throw SimError.badRequest("INVALID_EXTERNAL_TRIGGER_TOKEN", "The external trigger token is not valid");
        }
        String email = Json.text(body, "email");
        if (!SimStore.validEmail(email)) {
            throw SimError.badRequest("INVALID_EMAIL", "email is not a valid address");
        }
        return SimResponse.ok(store.connect(email));
    }

    private SimResponse listOrders(SimRequest req) {
        String applicationId = req.queryParam("applicationId");
        if (applicationId == null || applicationId.isBlank()) {
            throw SimError.badRequest("INVALID_PARAMETER", "applicationId is required");
        }
        return SimResponse.ok(store.ordersForApplication(applicationId.strip()));
    }

    private SimResponse placeOrder(SimRequest req) {
        store.requireConnectedForOrders();
        String key = req.header("idempotency-key");
        if (key == null || key.isBlank()) {
            throw SimError.badRequest("IDEMPOTENCY_KEY_REQUIRED", "The Idempotency-Key header is required");
        }
        JsonNode body = Json.read(req.body());
        String applicationId = Json.text(body, "applicationId");
        String partnerId = Json.text(body, "partnerId");
        String packageId = Json.text(body, "packageId");
        JsonNode requester = body.path("requester");
        String requesterEmail = requester.isObject() ? Json.text(requester, "email") : null;
        List<SimError.FieldError> errors = new ArrayList<>();
        if (applicationId == null) {
            errors.add(new SimError.FieldError("applicationId", "REQUIRED", "applicationId is required"));
        }
        if (partnerId == null) {
            errors.add(new SimError.FieldError("partnerId", "REQUIRED", "partnerId is required"));
        }
        if (packageId == null) {
            errors.add(new SimError.FieldError("packageId", "REQUIRED", "packageId is required"));
        }
        if (requesterEmail != null && !SimStore.validEmail(requesterEmail)) {
            errors.add(new SimError.FieldError("requester.email", "INVALID_EMAIL", "not a valid address"));
        }
        if (!errors.isEmpty()) {
            throw new SimError(400, "VALIDATION_ERROR", "The order is not valid", errors);
        }
        SimStore.Placed placed = store.placeOrder(key.strip(), applicationId, partnerId, packageId,
                requesterEmail == null ? recruiterEmail : requesterEmail);
        return SimResponse.json(placed.created() ? 201 : 200, placed.order());
    }

    private SimResponse attachment(SimRequest req) {
        byte[] pdf = store.attachment(req.param("orderId"), req.param("attachmentId"));
        return SimResponse.bytes("application/pdf", pdf)
                .withHeader("Content-Disposition", "attachment; filename=\"report.pdf\"");
    }

    // ---- helpers ----

    private static int limit(SimRequest req) {
        String raw = req.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return 10;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw SimError.badRequest("INVALID_PARAMETER", "limit must be a number from 1 to 100");
        }
        if (limit < 1 || limit > 100) {
            throw SimError.badRequest("INVALID_PARAMETER", "limit must be a number from 1 to 100");
        }
        return limit;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
