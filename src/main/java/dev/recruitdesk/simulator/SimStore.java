package dev.recruitdesk.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * All mutable state of the simulated account. One read-write lock guards it: HTTP handlers read concurrently,
 * changes (requests, the partner clock, test helpers) take the write lock. JSON is built under the lock, from
 * state that only this class touches.
 */
final class SimStore {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final long seed;
    private final long paceMillis;
    private final LongSupplier clock;
    private final JsonViews views;
    private final List<SimHiringProcess> processes;
    private final Map<String, SimHiringProcess> processById = new HashMap<>();
    private final List<SimJob> jobs;
    private final Map<String, SimJob> jobById = new LinkedHashMap<>();
    private final List<SimPartner> partners;
    private final Map<String, SimPartner> partnerById = new LinkedHashMap<>();
    private final Map<String, SimPackage> packageById = new HashMap<>();
    /** In generation order: the order test helpers pick from, so they stay deterministic. */
    private final List<SimCandidate> candidatesInOrder;
    private final Map<String, SimCandidate> candidateById = new HashMap<>();
    private final Map<String, String> candidateIdByEmail = new HashMap<>();
    private final Map<String, SimApplication> applicationById = new HashMap<>();
    /** The paging order: (updatedOn, id). A candidate is removed and put back whenever its updatedOn changes. */
    private final NavigableMap<SortKey, SimCandidate> sorted = new TreeMap<>();
    private final Map<String, SimOrder> orderById = new LinkedHashMap<>();
    private final Map<String, List<SimOrder>> ordersByApplication = new HashMap<>();
    private final Map<String, String> orderIdByIdempotencyKey = new HashMap<>();
    /** Moves applied per application id (a move into the step it is already in is none, unless not honouring). */
    private final Map<String, Integer> movesApplied = new HashMap<>();
    private volatile boolean honourIdempotency = true;
    private long clientOrderCount;
    private final Set<SimOrder> openOrders = new LinkedHashSet<>();
    private final Map<String, Integer> totalFoundCache = new ConcurrentHashMap<>();
    private final String requesterEmail;
    private long version;
    private long lastStamp;
    private long createdCount;
    private long autoOrderCount;
    private int touchGeneration;
    private boolean connected;
    private String integrationEmail;
    private long connectedOn;

    SimStore(DemoData data, long seed, long paceMillis, String baseUrl, String requesterEmail, boolean connected,
             LongSupplier clock) {
        this.seed = seed;
        this.paceMillis = paceMillis;
        this.clock = clock;
        this.requesterEmail = requesterEmail;
        this.processes = new ArrayList<>(data.processes);
        this.processes.forEach(p -> processById.put(p.id(), p));
        this.jobs = data.jobs;
        this.jobs.forEach(j -> jobById.put(j.id(), j));
        this.partners = data.partners;
        for (SimPartner p : partners) {
            partnerById.put(p.id(), p);
            p.packages().forEach(k -> packageById.put(k.id(), k));
        }
        this.candidatesInOrder = new ArrayList<>(data.candidates);
        for (SimCandidate c : candidatesInOrder) {
            candidateById.put(c.id, c);
            candidateIdByEmail.put(c.email, c.id);
            c.applications.forEach(a -> applicationById.put(a.id, a));
            sorted.put(new SortKey(c.updatedOn, c.id), c);
            lastStamp = Math.max(lastStamp, c.updatedOn);
        }
        long now = clock.getAsLong();
        long seededOpen = data.orders.stream().filter(SimOrder::open).count();
        // Seeded open orders move on a spread of paces (about four a pace for a big account), so a running demo
        // shows a steady trickle of changes rather than a burst that moves every candidate under a syncing client.
        int spread = (int) Math.max(12, seededOpen / 4);
        int openIndex = 0;
        for (SimOrder o : data.orders) {
            orderById.put(o.id, o);
            ordersByApplication.computeIfAbsent(o.applicationId, k -> new ArrayList<>(1)).add(o);
            if (o.open()) {
                o.nextStepAt = now + paceMillis * (2 + (openIndex++ * 7919L) % spread);
                openOrders.add(o);
            }
        }
        this.views = new JsonViews(baseUrl, jobById);
        if (connected) {
            this.connected = true;
            this.integrationEmail = requesterEmail;
            this.connectedOn = DemoData.BASE_MILLIS;
        }
    }

    int candidateCount() {
        return read(candidateById::size);
    }

    // ---- candidates ----

    ObjectNode listCandidates(CandidateQuery query, PageCursor after, int limit) {
        Lock l = lock.readLock();
        l.lock();
        try {
            NavigableMap<SortKey, SimCandidate> from = sorted;
            if (after != null) {
                from = from.tailMap(new SortKey(after.updatedOn(), after.id()), false);
            }
            if (query.updatedAfterMillis() != null) {
                // No id sorts after "\uffff": the exclusive tail from there skips every candidate of that exact time.
                SortKey floor = new SortKey(query.updatedAfterMillis(), "\uffff");
                if (after == null || floor.compareTo(new SortKey(after.updatedOn(), after.id())) > 0) {
                    from = sorted.tailMap(floor, false);
                }
            }
            ObjectNode page = Json.object();
            page.put("limit", limit);
            ArrayNode content = Json.MAPPER.createArrayNode();
            SimCandidate last = null;
            boolean more = false;
            for (SimCandidate c : from.values()) {
                if (!query.matches(c)) {
                    continue;
                }
                if (content.size() == limit) {
                    more = true;
                    break;
                }
                content.add(views.candidateSummary(c));
                last = c;
            }
            if (more) {
                page.put("nextPageId", new PageCursor(last.updatedOn, last.id, query).encode());
            } else if (query.q() != null) {
                // SmartRecruiters has been seen answering both ways; keyword searches end with "" here and every
                // other listing leaves nextPageId out, so clients meet both forms of "last page".
                page.put("nextPageId", "");
            }
            page.put("totalFound", totalFound(query));
            page.set("content", content);
            return page;
        } finally {
            l.unlock();
        }
    }

    /** Counting is a full scan; the count is cached per filter until the next change, for cheap paging. */
    private int totalFound(CandidateQuery query) {
        if (query.empty()) {
            return sorted.size();
        }
        String key = version + "|" + query.encode();
        Integer cached = totalFoundCache.get(key);
        if (cached != null) {
            return cached;
        }
        int count = 0;
        for (SimCandidate c : sorted.values()) {
            if (query.matches(c)) {
                count++;
            }
        }
        if (totalFoundCache.size() > 64) {
            totalFoundCache.clear();
        }
        totalFoundCache.put(key, count);
        return count;
    }

    ObjectNode candidateDetails(String id) {
        return read(() -> views.candidateDetails(candidate(id)));
    }

    ObjectNode application(String candidateId, String jobId) {
        return read(() -> {
            SimCandidate c = candidate(candidateId);
            return views.application(c, application(c, jobId));
        });
    }

    void moveApplication(String candidateId, String jobId, String status, String subStatus) {
        write(() -> {
            SimCandidate c = candidate(candidateId);
            SimApplication a = application(c, jobId);
            SimJob job = jobById.get(jobId);
            SimHiringProcess process = job == null ? null : processById.get(job.hiringProcessId());
            List<String> steps = process == null ? List.of() : process.stepsOf(status);
            if (subStatus != null && !steps.isEmpty() && !steps.contains(subStatus)) {
                throw new SimError(400, "INVALID_SUB_STATUS", "subStatus is not a step of " + status
                        + " in this job's hiring process", List.of(new SimError.FieldError("subStatus",
                        "INVALID_SUB_STATUS", "Allowed: " + String.join(", ", steps))));
            }
            if (honourIdempotency && status.equals(a.status) && java.util.Objects.equals(subStatus, a.subStatus)) {
                // Already there: not a move into the step, so nothing fires (a retried bulk move orders nothing).
                return null;
            }
            movesApplied.merge(a.id, 1, Integer::sum);
            long now = stamp();
            a.status = status;
            a.subStatus = subStatus;
            a.startsOn = now;
            bump(c, now);
            SimHiringProcess.AutoTrigger trigger = process == null || subStatus == null ? null
                    : process.autoTriggerFor(status, subStatus);
            if (trigger != null && connected) {
                autoOrder(a, trigger);
            }
            return null;
        });
    }

    ObjectNode createCandidate(String jobId, String firstName, String lastName, String email, String phone) {
        return write(() -> {
            SimJob job = jobById.get(jobId);
            if (job == null) {
                throw SimError.notFound("Job " + jobId);
            }
            if (honourIdempotency && candidateIdByEmail.containsKey(email)) {
                throw new SimError(409, "CANDIDATE_ALREADY_EXISTS", "A candidate with this email already exists",
                        List.of(new SimError.FieldError("email", "DUPLICATE", "Already used by another candidate")));
            }
            long now = stamp();
            Random r = new Random(seed * 7_919L + ++createdCount);
            String id = DemoData.uuid(r);
            SimCandidate c = new SimCandidate(id, firstName, lastName, email, phone, job.city(), job.country(),
                    job.countryCode(), now, now, r.nextLong());
            c.applications.add(new SimApplication(DemoData.uuid(r), id, jobId, "RecruitDesk", "NEW", null, now));
            candidatesInOrder.add(c);
            candidateById.put(id, c);
            candidateIdByEmail.put(email, id);
            applicationById.put(c.primary().id, c.primary());
            sorted.put(new SortKey(now, id), c);
            version++;
            SimHiringProcess process = processById.get(job.hiringProcessId());
            if (process != null && connected) {
                for (SimHiringProcess.AutoTrigger t : process.onAddTriggers()) {
                    autoOrder(c.primary(), t);
                }
            }
            return views.candidateDetails(c);
        });
    }

    /** See {@link FaultPlan#withHonourIdempotency}. */
    void honourIdempotency(boolean honour) {
        this.honourIdempotency = honour;
    }

    int movesApplied(String candidateId, String jobId) {
        return read(() -> movesApplied.getOrDefault(application(candidate(candidateId), jobId).id, 0));
    }

    /** Candidates whose email is this one, exactly: a second one means a candidate was created twice. */
    int candidatesWithEmail(String email) {
        return read(() -> (int) candidateById.values().stream().filter(c -> email.equals(c.email)).count());
    }

    /** Orders of the application of this candidate and job. */
    int ordersOf(String candidateId, String jobId) {
        return read(() -> ordersByApplication.getOrDefault(application(candidate(candidateId), jobId).id, List.of())
                .size());
    }

    static boolean validEmail(String email) {
        return email != null && EMAIL.matcher(email).matches();
    }

    // ---- jobs and configuration ----

    int jobCount() {
        return jobs.size();
    }

    ObjectNode listJobs(int offset, int limit) {
        ObjectNode page = Json.object();
        page.put("limit", limit);
        int end = Math.min(jobs.size(), offset + limit);
        if (end < jobs.size()) {
            page.put("nextPageId", JobCursor.encode(end));
        }
        page.put("totalFound", jobs.size());
        ArrayNode content = page.putArray("content");
        for (int i = offset; i < end; i++) {
            content.add(views.jobSummary(jobs.get(i)));
        }
        return page;
    }

    ObjectNode job(String id) {
        SimJob job = jobById.get(id);
        if (job == null) {
            throw SimError.notFound("Job " + id);
        }
        return views.jobDetails(job);
    }

    ObjectNode hiringProcesses() {
        return read(() -> {
            ObjectNode n = Json.object();
            n.put("totalFound", processes.size());
            ArrayNode content = n.putArray("content");
            processes.forEach(p -> content.add(views.hiringProcess(p)));
            return n;
        });
    }

    /** [SIM] Adds a custom step under a main status; the name must be new in the whole process. */
    ObjectNode addStep(String processId, String status, String name) {
        return write(() -> {
            SimHiringProcess p = process0(processId);
            if (p.hasStepNamed(name)) {
                throw new SimError(409, "STEP_ALREADY_EXISTS", "This hiring process already has a step named " + name,
                        List.of(new SimError.FieldError("name", "DUPLICATE", "Already a step of this process")));
            }
            return views.hiringProcess(replace(p.withStep(status, name)));
        });
    }

    /**
     * [SIM] Saves (or, with a null partner, removes) a step's assessment rule. With {@code orderExisting} the package
     * is also ordered now for every application already in the step (never twice while one is open).
     */
    ObjectNode saveStepAssessment(String processId, String status, String subStatus, String partnerId,
                                  String packageId, boolean onMove, boolean onAdd, boolean orderExisting) {
        return write(() -> {
            SimHiringProcess p = process0(processId);
            if (!p.stepsOf(status).contains(subStatus)) {
                throw new SimError(404, "NOT_FOUND", "Step " + subStatus + " not found under " + status);
            }
            SimHiringProcess.AutoTrigger rule = null;
            if (partnerId != null) {
                packageOfPartner(partnerId, packageId);
                rule = new SimHiringProcess.AutoTrigger(status, subStatus, partnerId, packageId, onMove, onAdd);
            }
            SimHiringProcess saved = replace(p.withRule(status, subStatus, rule));
            ObjectNode n = Json.object();
            n.set("hiringProcess", views.hiringProcess(saved));
            ArrayNode placed = n.putArray("ordersPlaced");
            if (rule != null && orderExisting) {
                if (!connected) {
                    throw SimError.notConnected();
                }
                for (SimCandidate c : candidatesInOrder) {
                    for (SimApplication a : c.applications) {
                        SimJob job = jobById.get(a.jobId);
                        if (job != null && processId.equals(job.hiringProcessId()) && status.equals(a.status)
                                && subStatus.equals(a.subStatus)) {
                            SimOrder o = autoOrder(a, rule);
                            if (o != null) {
                                placed.add(views.order(o));
                            }
                        }
                    }
                }
            }
            return n;
        });
    }

    private SimHiringProcess process0(String processId) {
        SimHiringProcess p = processById.get(processId);
        if (p == null) {
            throw SimError.notFound("Hiring process " + processId);
        }
        return p;
    }

    private SimHiringProcess replace(SimHiringProcess changed) {
        processes.replaceAll(p -> p.id().equals(changed.id()) ? changed : p);
        processById.put(changed.id(), changed);
        return changed;
    }

    // ---- integration, partners, orders ----

    ObjectNode integration() {
        return read(this::integrationView);
    }

    ObjectNode connect(String email) {
        return write(() -> {
            connected = true;
            integrationEmail = email;
            connectedOn = clock.getAsLong();
            return integrationView();
        });
    }

    void disconnect() {
        write(() -> {
            connected = false;
            integrationEmail = null;
            return null;
        });
    }

    private ObjectNode integrationView() {
        ObjectNode n = Json.object();
        n.put("id", "stackone");
        n.put("name", "StackOne Assessments");
        n.put("status", connected ? "CONNECTED" : "NOT_CONNECTED");
        if (connected) {
            n.put("email", integrationEmail);
            n.put("connectedOn", Json.date(connectedOn));
        }
        return n;
    }

    ObjectNode partners() {
        return read(() -> {
            requireConnected();
            ObjectNode n = Json.object();
            n.put("totalFound", partners.size());
            ArrayNode content = n.putArray("content");
            partners.forEach(p -> content.add(views.partner(p)));
            return n;
        });
    }

    ObjectNode packages(String partnerId) {
        return read(() -> {
            requireConnected();
            SimPartner p = partnerById.get(partnerId);
            if (p == null) {
                throw SimError.notFound("Partner " + partnerId);
            }
            ObjectNode n = Json.object();
            n.put("totalFound", p.packages().size());
            ArrayNode content = n.putArray("content");
            p.packages().forEach(k -> content.add(views.pkg(k)));
            return n;
        });
    }

    ObjectNode ordersForApplication(String applicationId) {
        return read(() -> {
            List<SimOrder> list = ordersByApplication.getOrDefault(applicationId, List.of());
            ObjectNode n = Json.object();
            n.put("totalFound", list.size());
            ArrayNode content = n.putArray("content");
            list.forEach(o -> content.add(views.order(o)));
            return n;
        });
    }

    ObjectNode order(String orderId) {
        return read(() -> views.order(order0(orderId)));
    }

    /** The order's JSON and whether this call created it (false: the idempotency key was seen before). */
    record Placed(ObjectNode order, boolean created) {
    }

    Placed placeOrder(String idempotencyKey, String applicationId, String partnerId, String packageId,
                      String requester) {
        return write(() -> {
            requireConnected();
            String existing = honourIdempotency ? orderIdByIdempotencyKey.get(idempotencyKey) : null;
            if (existing != null) {
                return new Placed(views.order(orderById.get(existing)), false);
            }
            SimApplication app = applicationById.get(applicationId);
            if (app == null) {
                throw SimError.notFound("Application " + applicationId);
            }
            SimPartner partner = partnerById.get(partnerId);
            SimPackage pkg = packageOfPartner(partnerId, packageId);
            // Not honouring the key, a repeated key is a new order (a distinct id); honouring, ids follow the key.
            SimOrder o = newOrder("client:" + idempotencyKey + (honourIdempotency ? "" : ":" + ++clientOrderCount),
                    app, partner, pkg, requester);
            orderIdByIdempotencyKey.put(idempotencyKey, o.id);
            return new Placed(views.order(o), true);
        });
    }

    /** SmartRecruiters orders the step's package itself; a second move while that order is open orders nothing. */
    private SimOrder autoOrder(SimApplication app, SimHiringProcess.AutoTrigger trigger) {
        for (SimOrder o : ordersByApplication.getOrDefault(app.id, List.of())) {
            if (o.open() && o.pkg.id().equals(trigger.packageId())) {
                return null;
            }
        }
        SimPartner partner = partnerById.get(trigger.partnerId());
        SimPackage pkg = packageById.get(trigger.packageId());
        return newOrder("auto:" + app.id + ":" + (++autoOrderCount), app, partner, pkg, requesterEmail);
    }

    private SimOrder newOrder(String key, SimApplication app, SimPartner partner, SimPackage pkg, String requester) {
        long now = stamp();
        Random r = new Random(key.hashCode() * 31L + seed);
        String id = java.util.UUID.nameUUIDFromBytes(("order:" + seed + ":" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
        SimOrder o = new SimOrder(id, app.id, app.candidateId, app.jobId, partner, pkg, requester, now,
                Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()));
        o.moveTo("SENT", now);
        o.nextStepAt = clock.getAsLong() + paceMillis;
        orderById.put(id, o);
        ordersByApplication.computeIfAbsent(app.id, k -> new ArrayList<>(1)).add(o);
        openOrders.add(o);
        bump(candidateById.get(app.candidateId), now);
        return o;
    }

    /** The attachment's PDF bytes. */
    byte[] attachment(String orderId, String attachmentId) {
        return read(() -> {
            SimOrder o = order0(orderId);
            if (o.result == null || !o.result.attachmentId().equals(attachmentId)) {
                throw SimError.notFound("Attachment " + attachmentId);
            }
            return ReportDocuments.pdf(o, candidateById.get(o.candidateId), jobById.get(o.jobId));
        });
    }

    /** The partner-hosted report page; the token in the link is the only credential, like a real partner's link. */
    String reportHtml(String orderId, String token) {
        return read(() -> {
            SimOrder o = orderById.get(orderId);
            if (o == null || token == null || !o.reportToken.equals(token)) {
                throw SimError.notFound("Report");
            }
            return ReportDocuments.html(o, candidateById.get(o.candidateId), jobById.get(o.jobId));
        });
    }

    // ---- partner clock and test helpers ----

    /** Moves every open order whose time has come one step; returns how many moved. */
    int advanceDue() {
        long now = clock.getAsLong();
        return write(() -> {
            int moved = 0;
            for (SimOrder o : new ArrayList<>(openOrders)) {
                if (o.nextStepAt <= now) {
                    step(o, now);
                    moved++;
                }
            }
            return moved;
        });
    }

    /** Moves every open order one step now, whatever its schedule. */
    int advanceAll() {
        long now = clock.getAsLong();
        return write(() -> {
            List<SimOrder> open = new ArrayList<>(openOrders);
            open.forEach(o -> step(o, now));
            return open.size();
        });
    }

    private void step(SimOrder o, long now) {
        long at = stamp();
        if ("SENT".equals(o.status)) {
            o.moveTo("IN_PROGRESS", at);
            o.nextStepAt = now + 2 * paceMillis;
        } else {
            PartnerOutcomes.finish(o, PartnerOutcomes.naturalEnd(o.pkg), at, new Random(o.id.hashCode() ^ seed));
            o.nextStepAt = 0;
            openOrders.remove(o);
        }
        bump(candidateById.get(o.candidateId), at);
    }

    /**
     * Bumps updatedOn of round(fraction x count) candidates picked from the seed and the call's ordinal; a third of
     * them also get a new e-mail address and a third move their primary application one status on.
     */
    int touchCandidates(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be within 0..1: " + fraction);
        }
        return write(() -> {
            int generation = ++touchGeneration;
            Random r = new Random(seed * 104_729L + generation);
            int n = candidatesInOrder.size();
            int count = (int) Math.round(fraction * n);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            for (int i = 0; i < count; i++) {
                int j = i + r.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                SimCandidate c = candidatesInOrder.get(idx[i]);
                int what = r.nextInt(3);
                if (what == 0) {
                    changeEmail(c, generation);
                } else if (what == 1) {
                    SimApplication a = c.primary();
                    a.status = nextStatus(a.status);
                    a.subStatus = null;
                }
                bump(c, stamp());
            }
            return count;
        });
    }

    private void changeEmail(SimCandidate c, int generation) {
        int at = c.email.indexOf('@');
        String local = c.email.substring(0, at);
        int plus = local.indexOf("+t");
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        String updated = local + "+t" + generation + c.email.substring(at);
        candidateIdByEmail.remove(c.email);
        c.email = updated;
        candidateIdByEmail.put(updated, c.id);
        c.refreshSearchText();
    }

    private static String nextStatus(String status) {
        return switch (status) {
            case "LEAD" -> "NEW";
            case "NEW" -> "IN_REVIEW";
            case "IN_REVIEW" -> "INTERVIEW";
            case "INTERVIEW" -> "OFFERED";
            case "OFFERED" -> "HIRED";
            default -> status;
        };
    }

    // ---- helpers ----

    /** A timestamp for a live change: the wall clock, but always after every updatedOn already handed out. */
    private long stamp() {
        lastStamp = Math.max(clock.getAsLong(), lastStamp + 1);
        return lastStamp;
    }

    private void bump(SimCandidate c, long at) {
        if (c == null) {
            return;
        }
        sorted.remove(new SortKey(c.updatedOn, c.id));
        c.updatedOn = Math.max(c.updatedOn, at);
        sorted.put(new SortKey(c.updatedOn, c.id), c);
        version++;
    }

    void requireConnectedForOrders() {
        read(() -> {
            requireConnected();
            return null;
        });
    }

    private void requireConnected() {
        if (!connected) {
            throw SimError.notConnected();
        }
    }

    private SimCandidate candidate(String id) {
        SimCandidate c = candidateById.get(id);
        if (c == null) {
            throw SimError.notFound("Candidate " + id);
        }
        return c;
    }

    private static SimApplication application(SimCandidate c, String jobId) {
        SimApplication a = c.applicationFor(jobId);
        if (a == null) {
            throw SimError.notFound("Application of candidate " + c.id + " to job " + jobId);
        }
        return a;
    }

    private SimOrder order0(String orderId) {
        SimOrder o = orderById.get(orderId);
        if (o == null) {
            throw SimError.notFound("Assessment order " + orderId);
        }
        return o;
    }

    private <T> T read(java.util.function.Supplier<T> body) {
        Lock l = lock.readLock();
        l.lock();
        try {
            return body.get();
        } finally {
            l.unlock();
        }
    }

    private <T> T write(java.util.function.Supplier<T> body) {
        Lock l = lock.writeLock();
        l.lock();
        try {
            return body.get();
        } finally {
            l.unlock();
        }
    }

    /** Position in the paging order. */
    record SortKey(long updatedOn, String id) implements Comparable<SortKey> {
        @Override
        public int compareTo(SortKey o) {
            int c = Long.compare(updatedOn, o.updatedOn);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /** The jobs listing's cursor: an offset (jobs never change while the simulator runs). */
    static final class JobCursor {
        private JobCursor() {
        }

        static String encode(int offset) {
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("j1\n" + offset).getBytes(StandardCharsets.UTF_8));
        }

        static int decode(String pageId) {
            try {
                String raw = new String(java.util.Base64.getUrlDecoder().decode(pageId.strip()),
                        StandardCharsets.UTF_8);
                if (!raw.startsWith("j1\n")) {
                    throw new IllegalArgumentException("bad cursor");
                }
                int offset = Integer.parseInt(raw.substring(3));
                if (offset < 0) {
                    throw new IllegalArgumentException("bad cursor");
                }
                return offset;
            } catch (IllegalArgumentException e) {
                throw SimError.badRequest("INVALID_PAGE_ID", "pageId is not a page id this server issued");
            }
        }
    }

    /** The package, checked to exist and to belong to the partner (404 / 422 as SmartRecruiters-style errors). */
    private SimPackage packageOfPartner(String partnerId, String packageId) {
        if (!partnerById.containsKey(partnerId)) {
            throw SimError.notFound("Partner " + partnerId);
        }
        SimPackage pkg = packageById.get(packageId);
        if (pkg == null) {
            throw SimError.notFound("Package " + packageId);
        }
        if (!pkg.partnerId().equals(partnerId)) {
            throw new SimError(422, "PACKAGE_NOT_OF_PARTNER", "The package is not offered by this partner");
        }
        return pkg;
    }
}
