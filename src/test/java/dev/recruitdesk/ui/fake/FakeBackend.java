package dev.recruitdesk.ui.fake;

import dev.recruitdesk.domain.ApplicationRef;
import dev.recruitdesk.domain.AssessmentOrder;
import dev.recruitdesk.domain.AssessmentPackage;
import dev.recruitdesk.domain.Attachment;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.CandidateRow;
import dev.recruitdesk.domain.Job;
import dev.recruitdesk.domain.OrderStatus;
import dev.recruitdesk.domain.PackageTimes;
import dev.recruitdesk.domain.Partner;
import dev.recruitdesk.domain.Score;
import dev.recruitdesk.domain.StatusChange;
import dev.recruitdesk.service.AccountService;
import dev.recruitdesk.service.AccountSettings;
import dev.recruitdesk.service.CandidateFilter;
import dev.recruitdesk.service.CandidateQueries;
import dev.recruitdesk.service.ChangeEvent;
import dev.recruitdesk.service.ChangeFeed;
import dev.recruitdesk.service.ConnectionCheck;
import dev.recruitdesk.service.IntegrationState;
import dev.recruitdesk.service.OrderRequest;
import dev.recruitdesk.service.OrderService;
import dev.recruitdesk.service.ProfileService;
import dev.recruitdesk.service.SecretStore;
import dev.recruitdesk.service.ServiceException;
import dev.recruitdesk.service.SyncService;
import dev.recruitdesk.service.SyncStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory stand-in for every service the UI uses: a few hundred candidates with names in several scripts,
 * some on several jobs, orders in every status (and one the app does not know). Thread-safe, deterministic.
 */
public final class FakeBackend implements CandidateQueries, ProfileService, OrderService, AccountService, SyncService, ChangeFeed {

    public static final Instant NOW = Instant.parse("2026-12-03T13:00:00Z");
    /** The showcase candidate: three jobs, orders including a completed one with a score. */
    public static final String SHOWCASE_ID = "cand-showcase";

    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, Candidate> candidates = new ConcurrentHashMap<>();
    private final List<AssessmentOrder> orders = new CopyOnWriteArrayList<>();
    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Partner> partners = List.of(
            new Partner("p-codility", "Codility", "SKILLS_TEST"),
            new Partner("p-shl", "SHL", "PERSONALITY"),
            new Partner("p-checkr", "Checkr", "BACKGROUND_CHECK"));

    public volatile boolean integrationConnected = true;
    public volatile boolean failRefresh;
    public volatile boolean failQueries;
    public volatile ConnectionCheck nextCheck = new ConnectionCheck(ConnectionCheck.Outcome.OK, "", 120);
    public volatile SyncStatus status = new SyncStatus(SyncStatus.Phase.IDLE, 300, 300, NOW.minusSeconds(120), true, null, 0);
    public volatile AccountSettings settings = new AccountSettings(true, "http://127.0.0.1:8089", AccountSettings.AuthMode.API_KEY,
            null, "sam.recruiter@example.com");
    public final List<String> retried = new CopyOnWriteArrayList<>();
    public final List<OrderRequest> queuedRequests = new CopyOnWriteArrayList<>();
    public final List<String> connectCalls = new CopyOnWriteArrayList<>();
    public final List<String> savedSecrets = new CopyOnWriteArrayList<>();
    public final AtomicInteger pageCalls = new AtomicInteger();
    public final AtomicInteger refreshCalls = new AtomicInteger();
    private volatile boolean apiKeyStored = true;

    public FakeBackend() {
        this(300);
    }

    public FakeBackend(int size) {
        templateSize = size;
        // Generating names in eight locales takes seconds: generate once per size, copy per test.
        FakeBackend template = TEMPLATES.computeIfAbsent(size, n -> new FakeBackend(n, true));
        jobs.addAll(template.jobs);
        candidates.putAll(template.candidates);
        orders.addAll(template.orders);
    }

    private FakeBackend(int size, boolean generate) {
        templateSize = size;
        seed(size);
    }

    private final int templateSize;

    private static final Map<Integer, FakeBackend> TEMPLATES = new ConcurrentHashMap<>();

    // ------------------------------------------------------------------ data

    private void seed(int size) {
        String[] titles = {"Backend Engineer", "Frontend Developer", "Data Analyst", "Product Designer",
                "Sales Manager", "Customer Success Lead", "QA Engineer", "DevOps Engineer"};
        for (int i = 0; i < titles.length; i++) {
            jobs.add(new Job("job-" + i, titles[i], "SOURCING", "Engineering", "Berlin", null));
        }
        Random random = new Random(42);
        String[] appStatuses = {"NEW", "IN_REVIEW", "INTERVIEW", "OFFER", "LEAD"};
        OrderStatus[] every = {OrderStatus.SENDING, OrderStatus.SENT, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED,
                new OrderStatus("PASSED"), OrderStatus.EXPIRED, OrderStatus.CANCELLED, OrderStatus.FAILED,
                new OrderStatus("AWAITING_REVIEW")};

        addCandidate(showcase(), List.of());
        for (int i = 0; i < size - 1; i++) {
            String[][] script = NAMES[i % NAMES.length];
            String first = script[0][(i / NAMES.length) % script[0].length];
            String last = script[1][(i / NAMES.length / script[0].length + i) % script[1].length];
            String email = java.text.Normalizer.normalize(LATIN[0][i % LATIN[0].length] + "." + LATIN[1][(i / 7) % LATIN[1].length] + i,
                    java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9.]", "").toLowerCase(Locale.ROOT) + "@example.com";
            String[] place = PLACES[i % PLACES.length];
            String id = String.format(Locale.ROOT, "cand-%04d", i);
            int nApps = i % 5 == 0 ? 3 : i % 3 == 0 ? 2 : 1;
            List<ApplicationRef> apps = new ArrayList<>();
            for (int a = 0; a < nApps; a++) {
                Job job = jobs.get((i + a * 3) % jobs.size());
                apps.add(new ApplicationRef(id, job.id(), job.title(), appStatuses[(i + a) % appStatuses.length],
                        a == 0 ? "Phone screen" : null, "app-" + id + "-" + a, a == 0, NOW.minus(Duration.ofDays(30 - a))));
            }
            Instant updated = NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
            Candidate c = new Candidate(id, first, last, email, "+49 30 " + (1000000 + i), place[0], place[1],
                    updated.minus(Duration.ofDays(40)), updated, apps);
            List<AssessmentOrder> mine = new ArrayList<>();
            if (i % 5 != 4) {
                int nOrders = 1 + i % 3;
                for (int k = 0; k < nOrders; k++) {
                    ApplicationRef app = apps.get(k % apps.size());
                    OrderStatus st = every[(i + k) % every.length];
                    mine.add(order(c, app, k, st, updated.minus(Duration.ofHours(k * 5L + 1))));
                }
            }
            addCandidate(c, mine);
        }
    }

    // Names in several scripts (Latin with diacritics, Cyrillic, Han, Kana, Arabic), fixed so runs are repeatable.
    private static final String[][] LATIN = {
            {"Anna", "Jonas", "Zofia", "Mateusz", "Léa", "Jürgen", "Émile", "Sofía", "Noah", "Ingrid", "Ćwirek", "Olivia"},
            {"Nowak", "Müller", "Kowalczyk", "Dubois", "García", "Schäfer", "Lindqvist", "O'Brien", "Wiśniewska", "Rossi"}};
    private static final String[][] CYRILLIC = {
            {"Алексей", "Мария", "Ольга", "Дмитрий", "Олена", "Тарас"},
            {"Иванов", "Смирнова", "Шевченко", "Коваленко", "Попов"}};
    private static final String[][] HAN = {{"伟", "芳", "静", "磊"}, {"王", "李", "张", "刘"}};
    private static final String[][] KANA = {{"さくら", "健太", "結衣", "翔"}, {"佐藤", "鈴木", "高橋"}};
    private static final String[][] ARABIC = {{"محمد", "فاطمة", "ليلى", "يوسف"}, {"العلي", "حداد", "منصور"}};
    private static final String[][][] NAMES = {LATIN, CYRILLIC, LATIN, HAN, LATIN, ARABIC, LATIN, KANA};
    private static final String[][] PLACES = {{"Berlin", "Germany"}, {"Kraków", "Poland"}, {"Kyiv", "Ukraine"},
            {"Osaka", "Japan"}, {"Dubai", "United Arab Emirates"}, {"Lyon", "France"}, {"Shanghai", "China"}};

    private Candidate showcase() {
        List<ApplicationRef> apps = List.of(
                new ApplicationRef(SHOWCASE_ID, "job-0", "Backend Engineer", "INTERVIEW", "Technical interview", "app-show-0", true, NOW.minus(Duration.ofDays(20))),
                new ApplicationRef(SHOWCASE_ID, "job-2", "Data Analyst", "IN_REVIEW", null, "app-show-1", false, NOW.minus(Duration.ofDays(12))),
                new ApplicationRef(SHOWCASE_ID, "job-5", "Customer Success Lead", "NEW", null, "app-show-2", false, NOW.minus(Duration.ofDays(3))));
        return new Candidate(SHOWCASE_ID, "Aïsha", "Okonkwo-Łukasiewicz", "aisha.okonkwo@example.com", "+49 30 5550123",
                "Berlin", "Germany", NOW.minus(Duration.ofDays(25)), NOW.minus(Duration.ofMinutes(30)), apps);
    }

    private void addCandidate(Candidate c, List<AssessmentOrder> mine) {
        candidates.put(c.id(), c);
        orders.addAll(mine);
        if (c.id().equals(SHOWCASE_ID)) {
            ApplicationRef a0 = c.applications().get(0), a1 = c.applications().get(1);
            Instant t = NOW.minus(Duration.ofDays(2));
            orders.add(new AssessmentOrder("ord-show-1", "key-show-1", a0.applicationId(), c.id(), a0.jobId(), "p-codility", "Codility",
                    "pkg-java", "Java Skills Test (senior)", OrderStatus.COMPLETED, t, t.plus(Duration.ofHours(26)),
                    List.of(new StatusChange(OrderStatus.SENDING, t), new StatusChange(OrderStatus.SENT, t.plusSeconds(4)),
                            new StatusChange(OrderStatus.IN_PROGRESS, t.plus(Duration.ofHours(20))),
                            new StatusChange(OrderStatus.COMPLETED, t.plus(Duration.ofHours(26)))),
                    new Score("Overall", "82", "0", "100"), "Strong algorithms, solid Java; weaker on concurrency.",
                    "https://reports.example.com/codility/ord-show-1",
                    List.of(new Attachment("att-1", "codility-report.pdf", "application/pdf", "https://files.example.com/att-1"),
                            new Attachment("att-2", "code-review.txt", "text/plain", "https://files.example.com/att-2")), null));
            orders.add(new AssessmentOrder("ord-show-2", "key-show-2", a0.applicationId(), c.id(), a0.jobId(), "p-shl", "SHL",
                    "pkg-opq", "Personality Questionnaire (OPQ32)", OrderStatus.IN_PROGRESS, NOW.minus(Duration.ofHours(3)),
                    NOW.minus(Duration.ofHours(1)), List.of(new StatusChange(OrderStatus.SENT, NOW.minus(Duration.ofHours(3)))),
                    null, null, null, List.of(), null));
            orders.add(new AssessmentOrder(null, "key-show-3", a1.applicationId(), c.id(), a1.jobId(), "p-codility", "Codility",
                    "pkg-sql", "SQL Skills Test", OrderStatus.FAILED, NOW.minus(Duration.ofMinutes(50)), NOW.minus(Duration.ofMinutes(45)),
                    List.of(), null, null, null, List.of(), "SmartRecruiters could not be reached (timeout after 30 s).", 3));
        }
    }

    private AssessmentOrder order(Candidate c, ApplicationRef app, int k, OrderStatus st, Instant created) {
        boolean done = st.kind() == OrderStatus.Kind.COMPLETED || st.kind() == OrderStatus.Kind.PASSED;
        String pkg = k % 2 == 0 ? "Java Skills Test (senior)" : "Personality Questionnaire (OPQ32)";
        return new AssessmentOrder(st.kind() == OrderStatus.Kind.SENDING ? null : "ord-" + c.id() + "-" + k,
                "key-" + c.id() + "-" + k, app.applicationId(), c.id(), app.jobId(),
                k % 2 == 0 ? "p-codility" : "p-shl", k % 2 == 0 ? "Codility" : "SHL", k % 2 == 0 ? "pkg-java" : "pkg-opq", pkg,
                st, created, created.plus(Duration.ofMinutes(30)),
                List.of(new StatusChange(OrderStatus.SENT, created), new StatusChange(st, created.plus(Duration.ofMinutes(30)))),
                done ? new Score(null, String.valueOf(40 + k * 17 % 60), "0", "100") : null,
                done ? "Completed within the time limit." : null,
                done ? (k == 1 ? "report-" + c.id() + ".pdf" : "https://reports.example.com/" + c.id()) : null,
                List.of(), st.kind() == OrderStatus.Kind.FAILED ? "The partner rejected the order." : null);
    }

    // ------------------------------------------------------------------ CandidateQueries

    private void maybeFail() {
        if (failQueries) {
            throw new IllegalStateException("cache unavailable");
        }
    }

    private List<CandidateRow> filtered(CandidateFilter filter) {
        String text = filter.text().toLowerCase(Locale.ROOT);
        Map<String, AssessmentOrder> latestByCandidate = new java.util.HashMap<>();
        for (AssessmentOrder o : orders) {
            latestByCandidate.merge(o.candidateId(), o, (a, b) -> a.createdOn().isAfter(b.createdOn()) ? a : b);
        }
        List<CandidateRow> rows = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            if (!text.isEmpty() && !c.displayName().toLowerCase(Locale.ROOT).contains(text)
                    && !(c.email() != null && c.email().toLowerCase(Locale.ROOT).contains(text))) {
                continue;
            }
            AssessmentOrder newest = latestByCandidate.get(c.id());
            OrderStatus latest = newest == null ? null : newest.status();
            if (filter.statusKind() != null) {
                OrderStatus.Kind kind = latest == null ? OrderStatus.Kind.UNKNOWN : latest.kind();
                if (kind != filter.statusKind()) {
                    continue;
                }
            }
            rows.add(row(c, latest));
        }
        rows.sort(Comparator.comparing(CandidateRow::name).thenComparing(CandidateRow::id));
        return rows;
    }

    private CandidateRow row(Candidate c, OrderStatus latest) {
        String jobsText = String.join(", ", c.applications().stream().map(ApplicationRef::jobTitle).toList());
        String appStatus = c.applications().isEmpty() ? "" : c.applications().get(0).status();
        return new CandidateRow(c.id(), c.displayName(), c.email(), jobsText, appStatus, latest, c.updatedOn());
    }

    @Override
    public synchronized int count(CandidateFilter filter) {
        maybeFail();
        return filtered(filter).size();
    }

    @Override
    public synchronized List<CandidateRow> page(CandidateFilter filter, int offset, int limit) {
        maybeFail();
        pageCalls.incrementAndGet();
        List<CandidateRow> all = filtered(filter);
        if (offset >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(offset, Math.min(all.size(), offset + limit)));
    }

    @Override
    public Optional<Candidate> candidate(String candidateId) {
        maybeFail();
        return Optional.ofNullable(candidates.get(candidateId));
    }

    @Override
    public List<AssessmentOrder> orders(String candidateId) {
        return orders.stream().filter(o -> o.candidateId().equals(candidateId))
                .sorted(Comparator.comparing(AssessmentOrder::createdOn).reversed()).toList();
    }

    @Override
    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    // ------------------------------------------------------------------ ProfileService

    @Override
    public Candidate refresh(String candidateId) throws ServiceException {
        refreshCalls.incrementAndGet();
        if (failRefresh) {
            throw new ServiceException(ServiceException.Reason.OFFLINE, "SmartRecruiters cannot be reached.");
        }
        Candidate c = candidates.get(candidateId);
        if (c == null) {
            throw new ServiceException(ServiceException.Reason.NOT_FOUND, "No such candidate.");
        }
        return c;
    }

    @Override
    public List<AssessmentOrder> openOrders() {
        maybeFail();
        return orders.stream().filter(o -> o.id() != null && o.status().isOpen()).toList();
    }

    /** The usual times of the packages {@link #packages} offers (the app learns them from the catalogue). */
    @Override
    public PackageTimes packageTimes() {
        Map<String, Integer> minutes = new java.util.HashMap<>();
        for (Partner p : partners) {
            packages(p.id()).forEach(k -> minutes.put(k.id(), k.expectedMinutes()));
        }
        return new PackageTimes(minutes);
    }

    // ------------------------------------------------------------------ OrderService

    @Override
    public List<Partner> partners() throws ServiceException {
        if (!integrationConnected) {
            throw new ServiceException(ServiceException.Reason.INTEGRATION_NOT_CONNECTED, "Connect StackOne Assessments in Settings first.");
        }
        return partners;
    }

    @Override
    public List<AssessmentPackage> packages(String partnerId) {
        return switch (partnerId) {
            case "p-codility" -> List.of(
                    new AssessmentPackage("pkg-java", partnerId, "Java Skills Test (senior)", "Algorithms, Java and code review tasks", "SKILLS_TEST", 90),
                    new AssessmentPackage("pkg-sql", partnerId, "SQL Skills Test", "Queries, joins and indexing", "SKILLS_TEST", 45));
            case "p-shl" -> List.of(
                    new AssessmentPackage("pkg-opq", partnerId, "Personality Questionnaire (OPQ32)", "Work style and preferences", "PERSONALITY", 25));
            default -> List.of(new AssessmentPackage("pkg-bg", partnerId, "Standard background check", "Identity, education, employment", "BACKGROUND_CHECK", 0));
        };
    }

    @Override
    public Optional<AssessmentOrder> openDuplicate(OrderRequest request) {
        return orders(request.application().candidateId()).stream()
                .filter(o -> o.jobId().equals(request.application().jobId()))
                .filter(o -> o.packageId().equals(request.assessmentPackage().id()))
                .filter(o -> o.status().isOpen())
                .findFirst();
    }

    @Override
    public AssessmentOrder queue(OrderRequest request) {
        queuedRequests.add(request);
        ApplicationRef app = request.application();
        Instant now = Instant.now();
        AssessmentOrder o = new AssessmentOrder(null, UUID.randomUUID().toString(), app.applicationId(), app.candidateId(),
                app.jobId(), request.partner().id(), request.partner().name(), request.assessmentPackage().id(),
                request.assessmentPackage().name(), OrderStatus.SENDING, now, now,
                List.of(new StatusChange(OrderStatus.SENDING, now)), null, null, null, List.of(), null);
        orders.add(o);
        publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(app.candidateId())));
        return o;
    }

    /** What the outbox sender does once the server accepted: the order gets its id and status Sent. */
    public void markSent(String idempotencyKey) {
        for (AssessmentOrder o : orders) {
            if (idempotencyKey.equals(o.idempotencyKey())) {
                Instant now = Instant.now();
                List<StatusChange> h = new ArrayList<>(o.history());
                h.add(new StatusChange(OrderStatus.SENT, now));
                AssessmentOrder sent = new AssessmentOrder("ord-" + idempotencyKey.substring(0, 8), o.idempotencyKey(),
                        o.applicationId(), o.candidateId(), o.jobId(), o.partnerId(), o.partnerName(), o.packageId(),
                        o.packageName(), OrderStatus.SENT, o.createdOn(), now, h, null, null, null, List.of(), null);
                orders.set(orders.indexOf(o), sent);
                publish(new ChangeEvent(ChangeEvent.Kind.ORDERS, Set.of(o.candidateId())));
                return;
            }
        }
    }

    @Override
    public void retry(String idempotencyKey) {
        retried.add(idempotencyKey);
    }

    @Override
    public Path download(String url, Path target) throws ServiceException {
        try {
            Files.writeString(target, "attachment from " + url, StandardCharsets.UTF_8);
            return target;
        } catch (Exception e) {
            throw new ServiceException(ServiceException.Reason.OTHER, "Could not write the file.", e);
        }
    }

    // ------------------------------------------------------------------ AccountService

    @Override
    public AccountSettings settings() {
        return settings;
    }

    @Override
    public boolean hasSecret(SecretStore.Key key) {
        return key == SecretStore.Key.API_KEY && apiKeyStored;
    }

    @Override
    public void save(AccountSettings s, String apiKeyOrNull, String oauthSecretOrNull) {
        settings = s;
        if (apiKeyOrNull != null) {
            savedSecrets.add("API_KEY");
            apiKeyStored = true;
        }
        if (oauthSecretOrNull != null) {
            savedSecrets.add("OAUTH");
        }
    }

    @Override
    public ConnectionCheck test(AccountSettings s, String apiKeyOrNull, String oauthSecretOrNull) {
        return nextCheck;
    }

    @Override
    public IntegrationState integration() {
        return integrationConnected
                ? new IntegrationState(true, "StackOne Assessments", "sam.recruiter@example.com", NOW.minus(Duration.ofDays(3)))
                : new IntegrationState(false, null, null, null);
    }

    @Override
    public IntegrationState connectIntegration(String triggerToken, String email) {
        connectCalls.add(triggerToken + "|" + email);
        integrationConnected = true;
        return new IntegrationState(true, "StackOne Assessments", email, Instant.now());
    }

    @Override
    public void leaveDemoMode() {
        settings = new AccountSettings(false, settings.baseUrl(), settings.authMode(), settings.oauthClientId(), settings.recruiterEmail());
    }

    @Override
    public String secretBackendName() {
        return "Encrypted file";
    }

    // ------------------------------------------------------------------ SyncService

    @Override
    public void start() {
    }

    @Override
    public void syncNow() {
    }

    @Override
    public SyncStatus status() {
        return status;
    }

    @Override
    public void addStatusListener(Consumer<SyncStatus> listener) {
        statusListeners.add(listener);
    }

    public void setStatus(SyncStatus s) {
        status = s;
        statusListeners.forEach(l -> l.accept(s));
    }

    @Override
    public void close() {
    }

    // ------------------------------------------------------------------ ChangeFeed

    @Override
    public AutoCloseable subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void publish(ChangeEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    public int listenerCount() {
        return listeners.size();
    }

    public void removeAllCandidates() {
        candidates.clear();
        orders.clear();
    }

    /** Brings back the candidates and orders {@link #removeAllCandidates()} took (as a first sync would). */
    public void restoreCandidates() {
        FakeBackend template = TEMPLATES.get(templateSize);
        candidates.putAll(template.candidates);
        orders.addAll(template.orders);
    }
}
