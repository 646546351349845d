package dev.recruitdesk.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code simulator --port PORT [--seed N] [--candidates N] [--jobs N] [--no-rate-limit]
 * [--pace-seconds N] [--connected] [--faults RATE] [--fault-seed N] [--fault-kinds K,K] [--slow-seconds N]
 * [--drop-accepted-writes N] [--ignore-idempotency]}.
 * Prints the base URL and the credentials to use, then serves until the process
 * is stopped. Printing the credentials is the point of this command: they are the simulator's own demo secrets.
 */
public final class SimulatorMain {

    private static final String USAGE = "usage: simulator --port PORT [--seed N] [--candidates N] [--jobs N] "
            + "[--no-rate-limit] [--pace-seconds N] [--connected] [--faults RATE] [--fault-seed N] "
            + "[--fault-kinds " + FaultPlan.Kind.labels() + "] [--slow-seconds N] [--drop-accepted-writes N] "
            + "[--ignore-idempotency]";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Returns only on error: 2 for a bad command line, 1 when the server cannot start. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulator: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
        if (config == null) {
            out.println(USAGE);
            return 0;
        }
        Simulator simulator;
        try {
            simulator = Simulator.start(config);
        } catch (IOException | RuntimeException e) {
            err.println("simulator: cannot start: " + startFailure(e, config.port()));
            return 1;
        }
        out.println("RecruitDesk SmartRecruiters simulator");
        out.println("Base URL: " + simulator.baseUrl());
        out.println("API key: " + simulator.apiKey());
        out.println("Trigger token: " + simulator.triggerToken());
        out.println("Email: " + simulator.recruiterEmail());
        out.println("Candidates: " + simulator.candidateCount());
        out.println("Faults: " + armed(config.faults()));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "sr-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // An embedding caller (a test, the app's launcher) stops the command by interrupting its thread.
            Runtime.getRuntime().removeShutdownHook(hook);
            simulator.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** "Address already in use" alone does not say which address: name the port. */
    static String startFailure(Exception e, int port) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof java.net.BindException && port > 0 ? "port " + port + ": " + why : why;
    }

    /** The banner's line on the faults armed, so a run with faults is never mistaken for a clean one. */
    static String armed(FaultPlan f) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (f.rate() > 0 && !f.kinds().isEmpty()) {
            parts.add(String.format(java.util.Locale.ROOT, "rate %s of requests, kinds %s, seed %d", f.rate(),
                    f.kinds().stream().map(FaultPlan.Kind::label).collect(java.util.stream.Collectors.joining(",")), f.seed()));
        }
        if (f.dropAcceptedWrites() > 0) {
            parts.add("the answers of " + f.dropAcceptedWrites() + " accepted writes dropped");
        }
        if (!f.honourIdempotency()) {
            parts.add("idempotency keys ignored");
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    /** The configuration, or null when help was asked for. */
    static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        Double faultRate = null;
        Long faultSeed = null;
        java.util.Set<FaultPlan.Kind> kinds = null;
        Integer slowSeconds = null;
        int dropAccepted = 0;
        boolean ignoreIdempotency = false;
        int start = args.length > 0 && "simulator".equals(args[0]) ? 1 : 0;
        for (int i = start; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--port" -> b.port(intValue(args, ++i, a, 0, 65535));
                case "--seed" -> b.seed(longValue(args, ++i, a));
                case "--candidates" -> b.candidates(intValue(args, ++i, a, 1, 10_000_000));
                case "--jobs" -> b.jobs(intValue(args, ++i, a, 1, 100_000));
                case "--pace-seconds" -> b.partnerPace(Duration.ofSeconds(intValue(args, ++i, a, 1, 86_400)));
                case "--no-rate-limit" -> b.rateLimit(false);
                case "--connected" -> b.integrationConnected(true);
                case "--faults" -> faultRate = rateValue(args, ++i, a);
                case "--fault-seed" -> faultSeed = longValue(args, ++i, a);
                case "--fault-kinds" -> kinds = FaultPlan.parseKinds(value(args, ++i, a));
                case "--slow-seconds" -> slowSeconds = intValue(args, ++i, a, 1, 3_600);
                case "--drop-accepted-writes" -> dropAccepted = intValue(args, ++i, a, 0, 1_000_000);
                case "--ignore-idempotency" -> ignoreIdempotency = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (faultRate == null && (faultSeed != null || kinds != null || slowSeconds != null)) {
            throw new IllegalArgumentException("--fault-seed, --fault-kinds and --slow-seconds need --faults");
        }
        if (faultRate != null) {
            // Without a seed of its own the faults follow the data's seed: one number repeats the whole run.
            FaultPlan plan = FaultPlan.of(faultRate, faultSeed == null ? b.build().seed() : faultSeed);
            if (kinds != null) {
                plan = plan.withKinds(kinds);
            }
            if (slowSeconds != null) {
                plan = plan.withSlowDelay(Duration.ofSeconds(slowSeconds));
            }
            b.faults(plan);
        }
        if (dropAccepted > 0 || ignoreIdempotency) {
            FaultPlan base = faultRate != null ? b.build().faults() : FaultPlan.none();
            b.faults(base.withDropAcceptedWrites(dropAccepted).withHonourIdempotency(!ignoreIdempotency));
        }
        return b.build();
    }

    private static double rateValue(String[] args, int i, String option) {
        String v = value(args, i, option);
        double rate;
        try {
            rate = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is not a number: " + v);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(option + " must be a share from 0 to 1: " + v);
        }
        return rate;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String[] args, int i, String option, int min, int max) {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be " + min + ".." + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is not a number: " + v);
        }
    }

    private static long longValue(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is not a number: " + v);
        }
    }
}
