package dev.recruitdesk.simulator;

import java.time.Duration;
import java.util.Objects;

/** How an embedded SmartRecruiters simulator is started. Immutable; build it with {@link #builder()}. */
public final class SimulatorConfig {

    private final int port;
    private final long seed;
    private final int candidates;
    private final int jobs;
    private final boolean rateLimit;
    private final int perEndpointRatePerSecond;
    private final Duration partnerPace;
    private final boolean integrationConnected;
    private final FaultPlan faults;

    private SimulatorConfig(Builder b) {
        this.port = b.port;
        this.seed = b.seed;
        this.candidates = b.candidates;
        this.jobs = b.jobs;
        this.rateLimit = b.rateLimit;
        this.perEndpointRatePerSecond = b.perEndpointRatePerSecond;
        this.partnerPace = b.partnerPace;
        this.integrationConnected = b.integrationConnected;
        this.faults = b.faults;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() { return port; }
    public long seed() { return seed; }
    public int candidates() { return candidates; }
    public int jobs() { return jobs; }
    public boolean rateLimit() { return rateLimit; }
    public int perEndpointRatePerSecond() { return perEndpointRatePerSecond; }
    public Duration partnerPace() { return partnerPace; }
    public boolean integrationConnected() { return integrationConnected; }
    public FaultPlan faults() { return faults; }

    /** Fixed by SmartRecruiters' documented limits: 8 requests in flight per credential, one candidate listing. */
    int concurrentLimit() { return 8; }

    int candidateListConcurrentLimit() { return 1; }

    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", seed=" + seed + ", candidates=" + candidates + ", jobs=" + jobs
                + ", rateLimit=" + rateLimit + ", perEndpointRatePerSecond=" + perEndpointRatePerSecond
                + ", partnerPace=" + partnerPace + ", integrationConnected=" + integrationConnected + ", faults=" + faults
                + "]";
    }

    public static final class Builder {
        private int port = 0;
        private long seed = 42;
        private int candidates = 500;
        private int jobs = 24;
        private boolean rateLimit = true;
        private int perEndpointRatePerSecond = 10;
        private Duration partnerPace = Duration.ofSeconds(8);
        private boolean integrationConnected = false;
        private FaultPlan faults = FaultPlan.none();

        private Builder() {
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder candidates(int candidates) {
            if (candidates < 1) {
                throw new IllegalArgumentException("candidates must be >= 1: " + candidates);
            }
            this.candidates = candidates;
            return this;
        }

        public Builder jobs(int jobs) {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be >= 1: " + jobs);
            }
            this.jobs = jobs;
            return this;
        }

        public Builder rateLimit(boolean rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        public Builder perEndpointRatePerSecond(int perSecond) {
            if (perSecond < 1) {
                throw new IllegalArgumentException("perEndpointRatePerSecond must be >= 1: " + perSecond);
            }
            this.perEndpointRatePerSecond = perSecond;
            return this;
        }

        /** Time between partner steps: SENT to IN_PROGRESS after one pace, to the final status after two more. */
        public Builder partnerPace(Duration pace) {
            Objects.requireNonNull(pace, "pace");
            if (pace.isNegative() || pace.isZero()) {
                throw new IllegalArgumentException("partnerPace must be positive: " + pace);
            }
            this.partnerPace = pace;
            return this;
        }

        public Builder integrationConnected(boolean connected) {
            this.integrationConnected = connected;
            return this;
        }

        /** Faults to inject into the answers; {@link FaultPlan#none()} by default. */
        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan, "plan");
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
