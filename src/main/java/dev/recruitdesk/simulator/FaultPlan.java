package dev.recruitdesk.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which faults the simulator injects and how often: a share ({@code rate}, 0..1) of the requests, each fault kind
 * picked among those that fit the request, all decided from {@code seed} and the request's number, so a run can be
 * repeated. Immutable.
 */
public final class FaultPlan {

    /** One kind of fault; {@link #label()} is the command-line spelling. */
    public enum Kind {
        /** 429, half of them with Retry-After, half without. */
        RATE_LIMITED("429"),
        SERVER_ERROR("500"),
        BAD_GATEWAY("502"),
        UNAVAILABLE("503"),
        /** The answer is held back past the client's timeout (the request itself is processed). */
        SLOW("slow"),
        /** The request is processed, then the connection is closed without an answer: the "lost answer". */
        DROP("drop"),
        /** A 200 whose JSON body is cut short. */
        TRUNCATED("truncated"),
        /** A 200 whose body is not JSON at all. */
        MALFORMED("malformed"),
        /** A candidate page with an empty content but a nextPageId that continues the listing. */
        EMPTY_PAGE("empty-page"),
        /** A candidate page that starts with the last record of the page before. */
        REPEAT("repeat"),
        /** A candidate page whose totalFound differs from the other pages'. */
        TOTAL_DRIFT("total-drift"),
        /** A status value the client has never heard of, on a candidate or an order. */
        UNKNOWN_STATUS("unknown-status"),
        /** Fields SmartRecruiters may add one day, at every level of the answer. */
        EXTRA_FIELDS("extra-fields"),
        /** Optional fields left out of the answer. */
        MISSING_OPTIONAL("missing-optional");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind parse(String label) {
            String l = label.strip().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.label.equals(l)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown fault kind '" + label + "' (known: " + labels() + ")");
        }

        static String labels() {
            List<String> out = new ArrayList<>();
            for (Kind k : values()) {
                out.add(k.label);
            }
            return String.join(",", out);
        }
    }

    /**
     * The kinds that leave what a client should end up knowing unchanged: a client that survives them must end
     * with exactly the data of a fault-free run. UNKNOWN_STATUS and MISSING_OPTIONAL change the data itself.
     */
    public static final Set<Kind> TRANSPARENT = EnumSet.complementOf(EnumSet.of(Kind.UNKNOWN_STATUS,
            Kind.MISSING_OPTIONAL));

    private static final FaultPlan NONE = new FaultPlan(0, 0, EnumSet.noneOf(Kind.class), Duration.ofSeconds(12), 0,
            true);

    private final double rate;
    private final long seed;
    private final Set<Kind> kinds;
    private final Duration slowDelay;
    private final int dropAcceptedWrites;
    private final boolean honourIdempotency;

    private FaultPlan(double rate, long seed, Set<Kind> kinds, Duration slowDelay, int dropAcceptedWrites,
                      boolean honourIdempotency) {
        this.rate = rate;
        this.seed = seed;
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
        this.slowDelay = slowDelay;
        this.dropAcceptedWrites = dropAcceptedWrites;
        this.honourIdempotency = honourIdempotency;
    }

    /** No faults at all. */
    public static FaultPlan none() {
        return NONE;
    }

    /** {@code rate} of the requests faulty, every kind possible. */
    public static FaultPlan of(double rate, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be 0..1: " + rate);
        }
        return new FaultPlan(rate, seed, EnumSet.allOf(Kind.class), NONE.slowDelay, 0, true);
    }

    public FaultPlan withKinds(Set<Kind> chosen) {
        Objects.requireNonNull(chosen, "kinds");
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("at least one fault kind is needed");
        }
        return new FaultPlan(rate, seed, chosen, slowDelay, dropAcceptedWrites, honourIdempotency);
    }

    /** How long a SLOW answer is held back; choose more than the client's request timeout. */
    public FaultPlan withSlowDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("slow delay must be positive: " + delay);
        }
        return new FaultPlan(rate, seed, kinds, delay, dropAcceptedWrites, honourIdempotency);
    }

    /**
     * The next {@code count} writes the server accepts (a 2xx to a POST, PUT or DELETE: an order placed, a
     * candidate created, an application moved) lose their answer: the write is committed, then the connection is
     * closed before any byte of the answer, so the client sees an I/O error. Independent of the random faults.
     */
    public FaultPlan withDropAcceptedWrites(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("drop count must be >= 0: " + count);
        }
        return new FaultPlan(rate, seed, kinds, slowDelay, count, honourIdempotency);
    }

    /**
     * {@code false}: the simulator trusts nothing a careless client would lean on, as the real SmartRecruiters may
     * not: an {@code Idempotency-Key} seen before makes a second order, a move into the step the application is
     * already in counts as another move, and a second candidate with an email already used is created.
     */
    public FaultPlan withHonourIdempotency(boolean honour) {
        return new FaultPlan(rate, seed, kinds, slowDelay, dropAcceptedWrites, honour);
    }

    /** "429,slow,drop" into kinds. */
    public static Set<Kind> parseKinds(String list) {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(Kind.parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no fault kind given");
        }
        return out;
    }

    public double rate() { return rate; }
    public long seed() { return seed; }
    public Set<Kind> kinds() { return EnumSet.copyOf(kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : kinds); }
    public Duration slowDelay() { return slowDelay; }
    public int dropAcceptedWrites() { return dropAcceptedWrites; }
    public boolean honourIdempotency() { return honourIdempotency; }

    boolean active() {
        return rate > 0 && !kinds.isEmpty();
    }

    boolean has(Kind kind) {
        return kinds.contains(kind);
    }

    @Override
    public String toString() {
        return "FaultPlan[rate=" + rate + ", seed=" + seed + ", kinds=" + kinds + ", slowDelay=" + slowDelay
                + ", dropAcceptedWrites=" + dropAcceptedWrites + ", honourIdempotency=" + honourIdempotency + "]";
    }
}
