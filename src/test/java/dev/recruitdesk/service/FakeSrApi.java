package dev.recruitdesk.service;

import dev.recruitdesk.api.ApiException;
import dev.recruitdesk.api.SmartRecruitersApi;
import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.HiringProcess;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.Score;
import dev.recruitdesk.domain.StatusChange;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory SmartRecruiters for service tests: paging by updatedOn, orders with idempotency, switchable faults. */
final class FakeSrApi implements SmartRecruitersApi {

    final Map<String, Candidate> candidates = new ConcurrentHashMap<>();
    final Map<String, AssessmentOrder> orders = new ConcurrentHashMap<>();
    final Map<String, String> ordersByKey = new ConcurrentHashMap<>();
    final AtomicInteger listCalls = new AtomicInteger();
    final AtomicInteger placeCalls = new AtomicInteger();
    final AtomicInteger applicationCalls = new AtomicInteger();
    /** How often {@code order(id)} was asked about each order (the poll's backoff is read from it). */
    final Map<String, AtomicInteger> orderCalls = new ConcurrentHashMap<>();
    volatile boolean offline;
    /** When set, {@code listCandidates} fails with a network fault on this page number (1-based). */
    volatile int failOnPage = -1;
    /**
     * The last page of a listing also carries this many of its first candidates again, as SmartRecruiters does for
     * candidates that changed while the listing was paged (they sort as the newest).
     */
    volatile int repeatedOnLastPage;
    /** When set, placeOrder answers with this HTTP status and code. */
    volatile ApiException placeRefusal;
    volatile ApiException whoAmIFailure;
    volatile boolean integrationConnected = true;
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    static final Partner PARTNER = new Partner("p1", "Skillcheck", "SKILLS_TEST");
    static final AssessmentPackage PACKAGE = new AssessmentPackage("k1", "p1", "Java test", "", "SKILLS_TEST", 30);

    synchronized Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    Candidate add(String id, String first, String last, String jobId) {
        Instant t = tick();
        Candidate c = new Candidate(id, first, last, first.toLowerCase() + "." + id + "@example.com", null, "Berlin",
                "DE", t, t, List.of(new ApplicationRef(id, jobId, "Job " + jobId, "IN_REVIEW", null, null, true, null)));
        candidates.put(id, c);
        return c;
    }

    void addMany(int n) {
        for (int i = 0; i < n; i++) {
            add(String.format("c%05d", i), "First" + i, "Last" + i, "j" + (i % 3));
        }
    }

    void rename(String id, String first) {
        Candidate c = candidates.get(id);
        Instant t = tick();
        candidates.put(id, new Candidate(id, first, c.lastName(), c.email(), c.phoneNumber(), c.city(), c.country(),
                c.createdOn(), t, c.applications()));
    }

    private void checkOnline() throws ApiException {
        if (offline) {
            throw new ApiException(0, null, "Connection refused");
        }
    }

    @Override
    public CandidatePage listCandidates(CandidateListQuery query, String pageId) throws ApiException {
        checkOnline();
        int page = listCalls.incrementAndGet();
        if (page == failOnPage) {
            throw new ApiException(0, null, "Connection reset");
        }
        List<Candidate> all = candidates.values().stream()
                .filter(c -> query.updatedAfter() == null || c.updatedOn().isAfter(query.updatedAfter()))
                .sorted(Comparator.comparing(Candidate::updatedOn).thenComparing(Candidate::id)).toList();
        int from = pageId == null ? 0 : Integer.parseInt(pageId);
        int to = Math.min(all.size(), from + query.limit());
        // list items are partial, like SR's: no phone, secondary statuses unknown
        List<Candidate> content = all.subList(from, to).stream().map(c -> new Candidate(c.id(), c.firstName(),
                c.lastName(), c.email(), null, c.city(), c.country(), c.createdOn(), c.updatedOn(), c.applications()))
                .toList();
        if (to == all.size() && repeatedOnLastPage > 0) {
            List<Candidate> withRepeats = new java.util.ArrayList<>(content);
            withRepeats.addAll(all.subList(0, Math.min(repeatedOnLastPage, all.size())));
            content = withRepeats;
        }
        return new CandidatePage(content, to < all.size() ? Integer.toString(to) : "", all.size());
    }

    @Override
    public Candidate candidate(String candidateId) throws ApiException {
        checkOnline();
        Candidate c = candidates.get(candidateId);
        if (c == null) {
            throw new ApiException(404, "NOT_FOUND", "Candidate not found");
        }
        return c;
    }

    static String applicationId(String candidateId, String jobId) {
        return "app-" + candidateId + "-" + jobId;
    }

    @Override
    public ApplicationRef application(String candidateId, String jobId) throws ApiException {
        checkOnline();
        applicationCalls.incrementAndGet();
        Candidate c = candidate(candidateId);
        return c.applications().stream().filter(a -> a.jobId().equals(jobId)).findFirst()
                .map(a -> a.withApplicationId(applicationId(candidateId, jobId)))
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "No such application"));
    }

    @Override
    public List<Job> jobs() throws ApiException {
        checkOnline();
        return List.of(new Job("j0", "Job j0", "SOURCING", "R&D", "Berlin", null),
                new Job("j1", "Job j1", "SOURCING", "R&D", "Berlin", null),
                new Job("j2", "Job j2", "SOURCING", "Sales", "Paris", null));
    }

    @Override
    public Job job(String jobId) throws ApiException {
        return jobs().stream().filter(j -> j.id().equals(jobId)).findFirst().orElseThrow();
    }

    @Override
    public List<HiringProcess> hiringProcesses() {
        return List.of();
    }

    @Override
    public String whoAmI() throws ApiException {
        checkOnline();
        if (whoAmIFailure != null) {
            throw whoAmIFailure;
        }
        return "alex@example.com";
    }

    @Override
    public IntegrationStatus integration() throws ApiException {
        checkOnline();
        return new IntegrationStatus(integrationConnected, "StackOne Assessments", null, null);
    }

    volatile String lastTriggerToken;

    @Override
    public IntegrationStatus connectIntegration(String externalTriggerToken, String email) throws ApiException {
        checkOnline();
        if (!externalTriggerToken.equals("good-token")) {
            throw new ApiException(400, "INVALID_EXTERNAL_TRIGGER_TOKEN", "Invalid token");
        }
        lastTriggerToken = externalTriggerToken;
        integrationConnected = true;
        return new IntegrationStatus(true, "StackOne Assessments", email, tick());
    }

    @Override
    public List<Partner> partners() throws ApiException {
        checkOnline();
        if (!integrationConnected) {
            throw new ApiException(409, "INTEGRATION_NOT_CONNECTED", "Not connected");
        }
        return List.of(PARTNER);
    }

    @Override
    public List<AssessmentPackage> packages(String partnerId) throws ApiException {
        checkOnline();
        return List.of(PACKAGE);
    }

    @Override
    public synchronized AssessmentOrder placeOrder(String applicationId, String partnerId, String packageId,
                                                   String requesterEmail, String idempotencyKey) throws ApiException {
        checkOnline();
        placeCalls.incrementAndGet();
        if (placeRefusal != null) {
            throw placeRefusal;
        }
        String existing = ordersByKey.get(idempotencyKey);
        if (existing != null) {
            return orders.get(existing);
        }
        String[] parts = applicationId.split("-", 3); // app-<cid>-<jobId>
        Instant t = tick();
        AssessmentOrder o = new AssessmentOrder(UUID.randomUUID().toString(), null, applicationId, parts[1], parts[2],
                partnerId, PARTNER.name(), packageId, PACKAGE.name(), OrderStatus.SENT, t, t,
                List.of(new StatusChange(OrderStatus.SENT, t)), null, null, null, List.of(), null);
        orders.put(o.id(), o);
        ordersByKey.put(idempotencyKey, o.id());
        return o;
    }

    /** Moves an order on, as the partner would; also bumps the candidate's updatedOn like the simulator does. */
    void complete(String orderId) {
        AssessmentOrder o = orders.get(orderId);
        Instant t = tick();
        List<StatusChange> history = new ArrayList<>(o.history());
        history.add(new StatusChange(OrderStatus.COMPLETED, t));
        orders.put(orderId, new AssessmentOrder(o.id(), null, o.applicationId(), o.candidateId(), o.jobId(),
                o.partnerId(), o.partnerName(), o.packageId(), o.packageName(), OrderStatus.COMPLETED, o.createdOn(),
                t, history, new Score("Percentage", "82", "0", "100"), "Strong", "http://127.0.0.1/r/" + orderId,
                List.of(), null));
        rename(o.candidateId(), candidates.get(o.candidateId()).firstName());
    }

    @Override
    public List<AssessmentOrder> orders(String applicationId) throws ApiException {
        checkOnline();
        return orders.values().stream().filter(o -> o.applicationId().equals(applicationId)).toList();
    }

    @Override
    public AssessmentOrder order(String orderId) throws ApiException {
        checkOnline();
        orderCalls.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
        AssessmentOrder o = orders.get(orderId);
        if (o == null) {
            throw new ApiException(404, "NOT_FOUND", "No such order");
        }
        return o;
    }

    @Override
    public InputStream download(String url) throws ApiException {
        checkOnline();
        return new ByteArrayInputStream(("file at " + url).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ClientStats stats() {
        return new ClientStats(0, 0, 0, 0, 0);
    }
}
