package dev.recruitdesk.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded SmartRecruiters account over real HTTP on 127.0.0.1: seeded candidates, jobs and hiring processes,
 * the StackOne assessment integration and a simulated partner that moves orders along. See docs/wire-contract.md.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final String RECRUITER_EMAIL = "alex.morgan@acme-talent.example";
    /** Enough for SmartRecruiters' 8-in-flight limit to be reachable. */
    private static final int HTTP_THREADS = 8;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final PartnerClock clock;
    private final SimStore store;
    private final SimHttpHandler handler;
    private final Credentials credentials;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Simulator(HttpServer server, ThreadPoolExecutor executor, PartnerClock clock, SimStore store,
                      SimHttpHandler handler, Credentials credentials, URI baseUrl) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
        this.store = store;
        this.handler = handler;
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }

    public static Simulator start(SimulatorConfig config) throws IOException {
        // Without it the JDK server delays small responses by ~40 ms each (Nagle + delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        long started = System.nanoTime();
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), 128);
        ThreadPoolExecutor executor = null;
        PartnerClock clock = null;
        try {
            URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            DemoData data = DemoData.generate(config.seed(), config.candidates(), config.jobs(), RECRUITER_EMAIL);
            SimStore store = new SimStore(data, config.seed(), config.partnerPace().toMillis(), baseUrl.toString(),
                    RECRUITER_EMAIL, config.integrationConnected(), System::currentTimeMillis);
            store.honourIdempotency(config.faults().honourIdempotency());
            Credentials credentials = new Credentials(config.seed(), System::currentTimeMillis);
            RateLimiter limiter = new RateLimiter(config.rateLimit(), config.perEndpointRatePerSecond(),
                    config.concurrentLimit(), config.candidateListConcurrentLimit(), System::nanoTime);
            SimHttpHandler handler = new SimHttpHandler(
                    new SrEndpoints(store, credentials, RECRUITER_EMAIL).routes(), credentials, limiter,
                    new FaultInjector(config.faults()));
            server.createContext("/", handler);
            AtomicInteger n = new AtomicInteger();
            executor = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "sr-sim-http-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            server.setExecutor(executor);
            clock = new PartnerClock(store, config.partnerPace());
            server.start();
            LOG.info("SmartRecruiters simulator on {} with {} candidates, {} jobs, {} orders (seed {}) in {} ms",
                    baseUrl, data.candidates.size(), data.jobs.size(), data.orders.size(), config.seed(),
                    (System.nanoTime() - started) / 1_000_000);
            if (config.faults().active()) {
                LOG.info("Injecting faults: {}", config.faults());
            }
            return new Simulator(server, executor, clock, store, handler, credentials, baseUrl);
        } catch (RuntimeException e) {
            server.stop(0);
            if (executor != null) {
                executor.shutdownNow();
            }
            if (clock != null) {
                clock.close();
            }
            throw e;
        }
    }

    /** e.g. http://127.0.0.1:41234, no trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** A valid X-SmartToken, derived from the seed. */
    public String apiKey() {
        return credentials.apiKey;
    }

    public String oauthClientId() {
        return credentials.clientId;
    }

    public String oauthClientSecret() {
        return credentials.clientSecret;
    }

    /** The StackOne external trigger token that connects the assessment integration. */
    public String triggerToken() {
        return credentials.triggerToken;
    }

    /** The account's recruiter (GET /user-api/v201804/users/me). */
    public String recruiterEmail() {
        return RECRUITER_EMAIL;
    }

    public int candidateCount() {
        return store.candidateCount();
    }

    /** Requests answered so far, errors included. */
    public long requestCount() {
        return handler.served();
    }

    /** Faults injected so far, by {@link FaultPlan.Kind#label()}; kinds never injected are left out. */
    public java.util.Map<String, Long> faultsInjected() {
        return handler.faults().injectedByKind();
    }

    /**
     * The next {@code count} accepted writes lose their answer (committed, then the connection closes): see
     * {@link FaultPlan#withDropAcceptedWrites}. Adds to what the fault plan armed.
     */
    public void dropNextAcceptedWrites(int count) {
        handler.faults().dropAcceptedWrites(count);
    }

    /** Moves applied to this candidate's application on the job (a repeated move is one more when not honouring). */
    public int movesApplied(String candidateId, String jobId) {
        return store.movesApplied(candidateId, jobId);
    }

    /** How many candidates have exactly this email. */
    public int candidatesWithEmail(String email) {
        return store.candidatesWithEmail(email);
    }

    /** How many orders the application of this candidate on this job has. */
    public int ordersOf(String candidateId, String jobId) {
        return store.ordersOf(candidateId, jobId);
    }

    /** Stops serving and the partner clock; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        clock.close();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Moves every open order one partner step now: SENT becomes IN_PROGRESS, IN_PROGRESS ends (COMPLETED, or
     * EXPIRED/FAILED for the packages that do so). Two calls take a new order to its end.
     */
    public void advancePartnerClock() {
        store.advanceAll();
    }

    /**
     * Bumps updatedOn of that share (0..1) of the candidates, picked deterministically from the seed and the number
     * of calls so far; some also get a new e-mail address or move their primary application one status on.
     */
    public void touchCandidates(double fraction) {
        store.touchCandidates(fraction);
    }
}
