package dev.recruitdesk.api;

import dev.recruitdesk.api.SrHttp.Call;
import dev.recruitdesk.api.SrHttp.RetryMode;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Credentials;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.StepAssessment;
import dev.recruitdesk.domain.Validation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The SmartRecruiters client (see docs/wire-contract.md). Thread-safe; share one instance per account so the
 * pacing and the in-flight limits are shared too.
 */
public final class SmartRecruitersClient implements SmartRecruitersApi {

    private static final Logger LOG = LoggerFactory.getLogger(SmartRecruitersClient.class);

    private static final String ASSESSMENT = "/assessment-api/v202107";
    private static final int JOB_PAGE = 100;
    private static final int MAX_PAGES = 10_000;
    private static final int MAX_REDIRECTS = 3;

    private final URI baseUrl;
    private final String base;
    private final ClientCounters counters = new ClientCounters();
    private final Redactor redactor = new Redactor();
    private final SrHttp http;
    private final RequestAuth auth;

    public SmartRecruitersClient(URI baseUrl, Credentials credentials, ClientOptions options) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        ClientOptions opts = options == null ? ClientOptions.defaults() : options;
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("The base URL must be an http(s) address with a host");
        }
        if (scheme.equals("http") && !Validation.isLoopback(baseUrl.getHost())) {
            // The API key would cross the network in clear text: only a server on this computer may use http.
            throw new IllegalArgumentException("A SmartRecruiters address other than this computer must use https");
        }
        this.baseUrl = baseUrl;
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.http = new SrHttp(opts, counters, redactor);
        if (credentials instanceof Credentials.ApiKey key) {
            redactor.add(key.key());
            redactor.add(key.key() == null ? null : key.key().replaceAll("\\s", ""));
            this.auth = RequestAuth.apiKey(key);
        } else if (credentials instanceof Credentials.OAuthClient client) {
            redactor.add(client.clientSecret());
            this.auth = RequestAuth.bearer(new OAuthTokenCache(opts.clock(), () -> fetchToken(client), redactor));
        } else {
            throw new IllegalArgumentException("Unsupported credentials");
        }
    }

    public SmartRecruitersClient(URI baseUrl, Credentials credentials) {
        this(baseUrl, credentials, ClientOptions.defaults());
    }

    // ---- candidates ---------------------------------------------------------------------------------------------------

    @Override
    public CandidatePage listCandidates(CandidateListQuery query, String pageId) throws ApiException {
        CandidateListQuery q = query == null ? CandidateListQuery.all(100) : query;
        UrlParts params = new UrlParts()
                .add("limit", Integer.toString(Math.max(1, Math.min(100, q.limit()))))
                .add("pageId", pageId)
                .add("q", q.q())
                .addAll("jobId", q.jobIds())
                .addAll("status", q.statuses());
        if (q.updatedAfter() != null) {
            params.add("updatedAfter", SrDates.format(q.updatedAfter()));
        }
        return getParsed(SrHttp.CANDIDATE_LIST, params.appendTo("/candidates"), body -> SrJson.parseCandidatePage(body));
    }

    @Override
    public Candidate candidate(String candidateId) throws ApiException {
        return getParsed("GET /candidates/{id}", "/candidates/" + UrlParts.segment(candidateId), body -> SrJson.parseCandidate(body));
    }

    @Override
    public ApplicationRef application(String candidateId, String jobId) throws ApiException {
        return getParsed("GET /candidates/{id}/jobs/{jobId}",
                "/candidates/" + UrlParts.segment(candidateId) + "/jobs/" + UrlParts.segment(jobId), body -> SrJson.parseApplication(candidateId, jobId, body));
    }

    /** {@code PUT /candidates/{id}/jobs/{jobId}/status}: moves the application to a step (may auto-trigger an order). */
    @Override
    public void moveApplication(String candidateId, String jobId, String status, String subStatus) throws ApiException {
        move(candidateId, jobId, status, subStatus, RetryMode.ALWAYS);
    }

    @Override
    public void moveApplicationOnce(String candidateId, String jobId, String status, String subStatus)
            throws ApiException {
        move(candidateId, jobId, status, subStatus, RetryMode.ONLY_IF_NOT_PROCESSED);
    }

    private void move(String candidateId, String jobId, String status, String subStatus, RetryMode retry)
            throws ApiException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", Objects.requireNonNull(status, "status"));
        if (subStatus != null && !subStatus.isBlank()) {
            body.put("subStatus", subStatus);
        }
        send("PUT", "PUT /candidates/{id}/jobs/{jobId}/status",
                "/candidates/" + UrlParts.segment(candidateId) + "/jobs/" + UrlParts.segment(jobId) + "/status",
                SrJson.write(body), Map.of(), retry, List.of());
    }

    /** {@code POST /jobs/{jobId}/candidates}: creates a candidate applied to the job. Not retried once sent. */
    @Override
    public Candidate createCandidate(String jobId, String firstName, String lastName, String email, String phoneNumber)
            throws ApiException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("email", email);
        if (phoneNumber != null && !phoneNumber.isBlank()) {
            body.put("phoneNumber", phoneNumber);
        }
        String answer = send("POST", "POST /jobs/{id}/candidates", "/jobs/" + UrlParts.segment(jobId) + "/candidates",
                SrJson.write(body), Map.of(), RetryMode.ONLY_IF_NOT_PROCESSED, List.of());
        return parse(() -> SrJson.parseCandidate(answer));
    }

    // ---- jobs and configuration ------------------------------------------------------------------------------------

    @Override
    public List<Job> jobs() throws ApiException {
        List<Job> all = new ArrayList<>();
        Set<String> seenPages = new HashSet<>();
        String pageId = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = new UrlParts().add("limit", Integer.toString(JOB_PAGE)).add("pageId", pageId).appendTo("/jobs");
            var dto = getParsed("GET /jobs", path, SrJson::parseJobPage);
            List<Job> jobs = SrJson.jobsOf(dto);
            all.addAll(jobs);
            String next = dto.nextPageId();
            // A server that hands back a page id it gave before would loop us forever.
            if (jobs.isEmpty() || next == null || next.isBlank() || !seenPages.add(next)) {
                break;
            }
            pageId = next;
        }
        return List.copyOf(all);
    }

    @Override
    public Job job(String jobId) throws ApiException {
        return getParsed("GET /jobs/{id}", "/jobs/" + UrlParts.segment(jobId), body -> SrJson.parseJob(body));
    }

    @Override
    public List<HiringProcess> hiringProcesses() throws ApiException {
        return getParsed("GET /configuration/hiring-processes", "/configuration/hiring-processes", body -> SrJson.parseHiringProcesses(body));
    }

    @Override
    public HiringProcess addHiringProcessStep(String processId, String status, String name) throws ApiException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", Objects.requireNonNull(status, "status"));
        body.put("name", name);
        String answer = send("POST", "POST /configuration/hiring-processes/{id}/steps",
                "/configuration/hiring-processes/" + UrlParts.segment(processId) + "/steps", SrJson.write(body),
                Map.of(), RetryMode.ONLY_IF_NOT_PROCESSED, List.of());
        return parse(() -> SrJson.parseHiringProcess(answer));
    }

    @Override
    public SavedRule saveStepAssessment(String processId, StepAssessment rule, boolean orderExisting)
            throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", rule.status());
        body.put("subStatus", rule.step());
        body.put("partnerId", rule.partnerId());
        body.put("packageId", rule.packageId());
        body.put("onMove", rule.onMove());
        body.put("onAdd", rule.onAdd());
        body.put("orderExisting", orderExisting);
        String answer = putRule(processId, body);
        return parse(() -> SrJson.parseSavedRule(answer));
    }

    @Override
    public HiringProcess removeStepAssessment(String processId, String status, String step) throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("subStatus", step);
        String answer = putRule(processId, body);
        return parse(() -> SrJson.parseSavedRule(answer).process());
    }

    /** Saving a rule is a PUT of the whole rule: repeating it changes nothing more, so it may be retried. */
    private String putRule(String processId, Map<String, Object> body) throws ApiException {
        return send("PUT", "PUT /configuration/hiring-processes/{id}/auto-triggers",
                "/configuration/hiring-processes/" + UrlParts.segment(processId) + "/auto-triggers",
                SrJson.write(body), Map.of(), RetryMode.ALWAYS, List.of());
    }

    @Override
    public Candidate createCandidateFromResume(String jobId, String fileName, byte[] content) throws ApiException {
        String boundary = "RecruitDesk-" + UUID.randomUUID();
        byte[] body = MultipartBody.singleFile(boundary, "file", fileName, content);
        Call call = new Call("POST", "POST /jobs/{id}/candidates/cv",
                URI.create(base + "/jobs/" + UrlParts.segment(jobId) + "/candidates/cv"), null,
                "multipart/form-data; boundary=" + boundary, Map.of(), RetryMode.ONLY_IF_NOT_PROCESSED, auth,
                List.of(), body);
        HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray(), false);
        String answer = response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
        return parse(() -> SrJson.parseCandidate(answer));
    }

    @Override
    public String whoAmI() throws ApiException {
        return getParsed("GET /user-api/v201804/users/me", "/user-api/v201804/users/me", body -> SrJson.parseWhoAmI(body));
    }

    // ---- assessment integration -------------------------------------------------------------------------------------

    @Override
    public IntegrationStatus integration() throws ApiException {
        return getParsed("GET " + ASSESSMENT + "/integrations/stackone", ASSESSMENT + "/integrations/stackone", body -> SrJson.parseIntegration(body));
    }

    @Override
    public IntegrationStatus connectIntegration(String externalTriggerToken, String email) throws ApiException {
        // From now on the token is one of the secrets this client must never repeat, whatever the server echoes.
        redactor.add(externalTriggerToken);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("externalTriggerToken", externalTriggerToken);
        body.put("email", email);
        String answer = send("POST", "POST " + ASSESSMENT + "/integrations/stackone", ASSESSMENT + "/integrations/stackone",
                SrJson.write(body), Map.of(), RetryMode.ONLY_IF_NOT_PROCESSED,
                externalTriggerToken == null ? List.of() : List.of(externalTriggerToken));
        return parse(() -> SrJson.parseIntegration(answer));
    }

    @Override
    public void disconnectIntegration() throws ApiException {
        send("DELETE", "DELETE " + ASSESSMENT + "/integrations/stackone", ASSESSMENT + "/integrations/stackone",
                null, Map.of(), RetryMode.ALWAYS, List.of());
    }

    @Override
    public List<Partner> partners() throws ApiException {
        return getParsed("GET " + ASSESSMENT + "/partners", ASSESSMENT + "/partners", body -> SrJson.parsePartners(body));
    }

    @Override
    public List<AssessmentPackage> packages(String partnerId) throws ApiException {
        return getParsed("GET " + ASSESSMENT + "/partners/{id}/packages",
                ASSESSMENT + "/partners/" + UrlParts.segment(partnerId) + "/packages", body -> SrJson.parsePackages(partnerId, body));
    }

    // ---- orders -----------------------------------------------------------------------------------------------------

    @Override
    public AssessmentOrder placeOrder(String applicationId, String partnerId, String packageId, String requesterEmail,
                                      String idempotencyKey) throws ApiException {
        return order(applicationId, partnerId, packageId, requesterEmail, idempotencyKey, RetryMode.ALWAYS);
    }

    @Override
    public AssessmentOrder placeOrderOnce(String applicationId, String partnerId, String packageId,
                                          String requesterEmail, String idempotencyKey) throws ApiException {
        return order(applicationId, partnerId, packageId, requesterEmail, idempotencyKey,
                RetryMode.ONLY_IF_NOT_PROCESSED);
    }

    private AssessmentOrder order(String applicationId, String partnerId, String packageId, String requesterEmail,
                                  String idempotencyKey, RetryMode retry) throws ApiException {
        // The key is what makes a retried POST safe: the same key on every attempt, never a second order.
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicationId", applicationId);
        body.put("partnerId", partnerId);
        body.put("packageId", packageId);
        if (requesterEmail != null && !requesterEmail.isBlank()) {
            body.put("requester", Map.of("email", requesterEmail));
        }
        String answer = send("POST", "POST " + ASSESSMENT + "/assessment-orders", ASSESSMENT + "/assessment-orders",
                SrJson.write(body), Map.of("Idempotency-Key", key), retry, List.of());
        return parse(() -> SrJson.parseOrder(answer, key));
    }

    @Override
    public List<AssessmentOrder> orders(String applicationId) throws ApiException {
        if (applicationId == null || applicationId.isBlank()) {
            // SR gave no application UUID for this candidate and job: there is no way to ask for its orders.
            return List.of();
        }
        return getParsed("GET " + ASSESSMENT + "/assessment-orders",
                new UrlParts().add("applicationId", applicationId).appendTo(ASSESSMENT + "/assessment-orders"), body -> SrJson.parseOrders(body));
    }

    @Override
    public AssessmentOrder order(String orderId) throws ApiException {
        return getParsed("GET " + ASSESSMENT + "/assessment-orders/{id}",
                ASSESSMENT + "/assessment-orders/" + UrlParts.segment(orderId), body -> SrJson.parseOrder(body));
    }

    // ---- files --------------------------------------------------------------------------------------------------------

    @Override
    public InputStream download(String url) throws ApiException {
        URI target = webUri(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            // The credential goes only to SmartRecruiters itself, never to a partner's or a redirect's host.
            RequestAuth callAuth = sameOrigin(target) ? auth : null;
            Call call = new Call("GET", "GET download", target, null, null, Map.of("Accept", "*/*"),
                    RetryMode.ALWAYS, callAuth, List.of());
            HttpResponse<InputStream> response = http.send(call, HttpResponse.BodyHandlers.ofInputStream(), true);
            int status = response.statusCode();
            if (status < 300) {
                return response.body();
            }
            closeQuietly(response.body());
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) {
                throw new ApiException(status, "BAD_REDIRECT", "The download link redirected nowhere (" + status + ")");
            }
            target = webUri(target.resolve(location.strip()).toString());
        }
        throw new ApiException(0, "TOO_MANY_REDIRECTS", "The download link redirected too many times");
    }

    /** The SmartRecruiters address this client talks to. */
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public ClientStats stats() {
        return counters.snapshot();
    }

    @Override
    public String toString() {
        return "SmartRecruitersClient[" + SrHttp.hostPort(baseUrl) + "]";
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------------

    private String getText(String endpoint, String pathAndQuery) throws ApiException {
        return send("GET", endpoint, pathAndQuery, null, Map.of(), RetryMode.ALWAYS, List.of());
    }

    private String send(String method, String endpoint, String pathAndQuery, String body, Map<String, String> headers,
                        RetryMode retry, List<String> secrets) throws ApiException {
        Call call = new Call(method, endpoint, URI.create(base + pathAndQuery), body, null, headers, retry, auth, secrets);
        HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray(), false);
        byte[] bytes = response.body();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private OAuthTokenCache.Token fetchToken(Credentials.OAuthClient client) throws ApiException {
        String form = "grant_type=client_credentials&client_id=" + UrlParts.encode(nullToEmpty(client.clientId()))
                + "&client_secret=" + UrlParts.encode(nullToEmpty(client.clientSecret()));
        Call call = new Call("POST", "POST /identity/oauth/token", URI.create(base + "/identity/oauth/token"), form,
                "application/x-www-form-urlencoded", Map.of(), RetryMode.ALWAYS, null,
                List.of(nullToEmpty(client.clientSecret())));
        String answer;
        try {
            HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray(), false);
            answer = new String(response.body(), StandardCharsets.UTF_8);
        } catch (ApiException e) {
            if (e.httpStatus() == 400 || e.httpStatus() == 401 || e.httpStatus() == 403) {
                // invalid_client / invalid_grant: to the recruiter this is simply "wrong credentials".
                throw new ApiException(401, e.code(), "SmartRecruiters refused the credentials (401)");
            }
            throw e;
        }
        SrWire.TokenDto token = parse(() -> SrJson.parseToken(answer));
        if (token.access_token() == null || token.access_token().isBlank()) {
            throw new ApiException(401, "NO_TOKEN", "SmartRecruiters gave no access token");
        }
        long seconds = token.expires_in() == null || token.expires_in() <= 0 ? 3600 : token.expires_in();
        return new OAuthTokenCache.Token(token.access_token(), Duration.ofSeconds(seconds));
    }

    private boolean sameOrigin(URI target) {
        return scheme(target).equals(scheme(baseUrl))
                && target.getHost().equalsIgnoreCase(baseUrl.getHost())
                && port(target) == port(baseUrl);
    }

    private static URI webUri(String url) throws ApiException {
        if (url == null || url.isBlank()) {
            throw new ApiException(0, "INVALID_URL", "There is no link to download");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ApiException(0, "INVALID_URL", "The download link is not a valid address");
        }
        String scheme = scheme(uri);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ApiException(0, "INVALID_URL", "Only http and https links can be downloaded");
        }
        return uri;
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return scheme(uri).equals("https") ? 443 : 80;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // Nothing useful to do: the redirect body is unused.
        }
    }

    @FunctionalInterface
    private interface BodyParser<T> {
        T parse(String body) throws IOException;
    }

    /**
     * A GET whose answer is read before it counts: a 200 with a cut or garbled body is asked again, like a 5xx,
     * since reading is safe to repeat. The parser's own message is not kept: it may quote the body.
     */
    private <T> T getParsed(String endpoint, String pathAndQuery, BodyParser<T> parser) throws ApiException {
        for (int attempt = 0; ; attempt++) {
            String body = getText(endpoint, pathAndQuery);
            try {
                return parser.parse(body);
            } catch (IOException | RuntimeException e) {
                if (attempt >= http.maxRetries()) {
                    throw new ApiException(502, "BAD_RESPONSE", "SmartRecruiters sent an answer the app cannot read");
                }
                LOG.debug("{} sent an unreadable answer ({}), asking again", endpoint, e.getClass().getSimpleName());
                http.pauseBeforeRetry(attempt + 1);
            }
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse() throws IOException;
    }

    /** A 2xx answer we cannot read is a server problem, not a crash: it becomes an ApiException like the others. */
    private static <T> T parse(Parser<T> parser) throws ApiException {
        try {
            return parser.parse();
        } catch (IOException | RuntimeException e) {
            throw new ApiException(502, "BAD_RESPONSE", "SmartRecruiters sent an answer the app cannot read", e);
        }
    }
}
