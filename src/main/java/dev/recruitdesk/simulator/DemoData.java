package dev.recruitdesk.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.datafaker.Faker;

/**
 * The seeded demo account: hiring processes, jobs, partners, candidates and their existing orders. Everything is drawn
 * from {@code Random}s derived from the seed and from fixed lists, and dates count back from a fixed instant, so the
 * same seed gives byte-identical listings on any machine and any day.
 */
final class DemoData {

    /** Seeded dates lie before this instant; live changes are stamped with the wall clock (or later). */
    static final long BASE_MILLIS = Instant.parse("2026-11-30T12:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;

    final List<SimHiringProcess> processes;
    final List<SimJob> jobs;
    final List<SimPartner> partners;
    final List<SimCandidate> candidates;
    final List<SimOrder> orders;

    private DemoData(List<SimHiringProcess> processes, List<SimJob> jobs, List<SimPartner> partners,
                     List<SimCandidate> candidates, List<SimOrder> orders) {
        this.processes = processes;
        this.jobs = jobs;
        this.partners = partners;
        this.candidates = candidates;
        this.orders = orders;
    }

    static DemoData generate(long seed, int candidateCount, int jobCount, String requesterEmail) {
        List<SimHiringProcess> processes = DemoCatalog.hiringProcesses();
        List<SimPartner> partners = DemoCatalog.partners();
        List<SimJob> jobs = generateJobs(new Random(seed ^ 0x4A0B5L), jobCount, processes);
        Map<String, SimHiringProcess> processById = new LinkedHashMap<>();
        processes.forEach(p -> processById.put(p.id(), p));
        List<SimCandidate> candidates = new CandidateFactory(seed, jobs, processById).generate(candidateCount);
        List<SimOrder> orders = generateOrders(new Random(seed ^ 0x0DE25L), candidates, partners, requesterEmail);
        return new DemoData(processes, jobs, partners, candidates, orders);
    }

    static String uuid(Random r) {
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private static List<SimJob> generateJobs(Random r, int count, List<SimHiringProcess> processes) {
        List<SimJob> jobs = new ArrayList<>(count);
        String[][] titles = DemoCatalog.JOB_TITLES;
        String[][] cities = DemoCatalog.JOB_CITIES;
        for (int i = 0; i < count; i++) {
            String[] title = titles[i % titles.length];
            String name = i < titles.length ? title[0] : title[0] + " (" + (i / titles.length + 1) + ")";
            String[] city = cities[r.nextInt(cities.length)];
            long created = BASE_MILLIS - (30 + r.nextInt(300)) * DAY - r.nextInt(86_400) * 1000L;
            long updated = created + (long) (r.nextDouble() * (BASE_MILLIS - created));
            // Engineering roles go through the process with the "Skills Test" step; others spread over the rest.
            SimHiringProcess process = "Engineering".equals(title[1]) ? processes.get(0)
                    : processes.get(1 + r.nextInt(processes.size() - 1));
            jobs.add(new SimJob(uuid(r), name, String.format(Locale.ROOT, "REF-%04d", 1001 + i), title[1],
                    city[0], city[1], city[2], pickJobStatus(r), pickPostingStatus(r), created, updated,
                    process.id()));
        }
        return List.copyOf(jobs);
    }

    private static String pickJobStatus(Random r) {
        int x = r.nextInt(100);
        if (x < 60) {
            return "SOURCING";
        }
        if (x < 75) {
            return "INTERVIEW";
        }
        if (x < 83) {
            return "OFFER";
        }
        if (x < 88) {
            return "CREATED";
        }
        if (x < 93) {
            return "ON_HOLD";
        }
        return "FILLED";
    }

    private static String pickPostingStatus(Random r) {
        int x = r.nextInt(10);
        return x < 7 ? "PUBLIC" : x < 9 ? "INTERNAL" : "NOT_PUBLISHED";
    }

    /** The statuses seeded orders are spread over; the first few orders take each in turn so all are present. */
    private static final String[] ORDER_STATUS_ROTATION = {
        "SENT", "IN_PROGRESS", "COMPLETED", "EXPIRED", "CANCELLED", "FAILED", "ON_HOLD", "COMPLETED_LETTER"};

    private static List<SimOrder> generateOrders(Random r, List<SimCandidate> candidates, List<SimPartner> partners,
                                                 String requesterEmail) {
        List<SimOrder> orders = new ArrayList<>();
        for (SimCandidate c : candidates) {
            for (SimApplication app : c.applications) {
                if (r.nextInt(100) >= 15) {
                    continue;
                }
                SimPartner partner = partners.get(r.nextInt(partners.size()));
                SimPackage pkg = partner.packages().get(r.nextInt(partner.packages().size()));
                String kind = orders.size() < ORDER_STATUS_ROTATION.length
                        ? ORDER_STATUS_ROTATION[orders.size()] : pickOrderKind(r, pkg);
                long created = Math.min(BASE_MILLIS - DAY, app.startsOn + (1 + r.nextInt(10)) * DAY / 2);
                created = Math.max(created, app.startsOn);
                SimOrder order = new SimOrder(uuid(r), app.id, c.id, app.jobId, partner, pkg, requesterEmail,
                        created, Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()));
                order.moveTo("SENT", created);
                long step = Math.max(60_000L, (BASE_MILLIS - created) / 4);
                long at = created + 1 + (long) (r.nextDouble() * step);
                switch (kind) {
                    case "SENT" -> { }
                    case "IN_PROGRESS" -> order.moveTo("IN_PROGRESS", at);
                    case "CANCELLED" -> order.moveTo("CANCELLED", at);
                    case "ON_HOLD" -> {
                        order.moveTo("IN_PROGRESS", at);
                        order.moveTo("ON_HOLD", at + 1 + (long) (r.nextDouble() * step));
                    }
                    default -> {
                        order.moveTo("IN_PROGRESS", at);
                        long end = at + 1 + (long) (r.nextDouble() * step);
                        PartnerOutcomes.finish(order, kind, end, r);
                    }
                }
                orders.add(order);
                c.updatedOn = Math.max(c.updatedOn, order.updatedOn);
            }
        }
        return List.copyOf(orders);
    }

    /** Mostly what the package would do anyway, with some orders still open or cancelled. */
    private static String pickOrderKind(Random r, SimPackage pkg) {
        int x = r.nextInt(100);
        if (x < 15) {
            return "SENT";
        }
        if (x < 30) {
            return "IN_PROGRESS";
        }
        if (x < 36) {
            return "CANCELLED";
        }
        if (x < 38) {
            return "ON_HOLD";
        }
        if (x < 42) {
            return "EXPIRED";
        }
        if (x < 45) {
            return "FAILED";
        }
        return PartnerOutcomes.naturalEnd(pkg);
    }

    /** Draws candidates, with names in many scripts and unique ASCII e-mail addresses. */
    private static final class CandidateFactory {
        private final long seed;
        private final List<SimJob> jobs;
        private final Map<String, SimHiringProcess> processById;
        private final Random r;
        /** Per locale: first names, last names and their ASCII e-mail forms, drawn once from Datafaker. */
        private final String[][] firstNames;
        private final String[][] lastNames;
        private final String[][] firstAscii;
        private final String[][] lastAscii;
        /** ASCII first and last names for addresses of candidates whose names are not in a Latin script. */
        private String[][] latinPool;
        private Set<String> emails = new HashSet<>();

        CandidateFactory(long seed, List<SimJob> jobs, Map<String, SimHiringProcess> processById) {
            this.seed = seed;
            this.jobs = jobs;
            this.processById = processById;
            this.r = new Random(seed);
            this.firstNames = new String[DemoCatalog.NAME_LOCALES.length][];
            this.lastNames = new String[DemoCatalog.NAME_LOCALES.length][];
            this.firstAscii = new String[DemoCatalog.NAME_LOCALES.length][];
            this.lastAscii = new String[DemoCatalog.NAME_LOCALES.length][];
        }

        /**
         * Datafaker costs tens of microseconds a name; drawing a pool per locale and combining from it keeps
         * 100,000 candidates within a second or two, with more distinct full names than the faker's own lists give.
         */
        private void drawNamePools(int candidateCount) {
            int poolSize = Math.max(40, Math.min(800, candidateCount / 25));
            DemoCatalog.NameLocale[] locales = DemoCatalog.NAME_LOCALES;
            latinPool = new String[2][poolSize];
            // One task per locale (and one for the Latin pool), in parallel: each has its own faker and Random, so
            // the pools are the same whichever thread draws them. Loading each locale's name files is most of it.
            IntStream.rangeClosed(0, locales.length).parallel().forEach(i -> {
                if (i == locales.length) {
                    Faker latin = new Faker(Locale.ENGLISH, new Random(seed * 31 + 997));
                    for (int k = 0; k < poolSize; k++) {
                        latinPool[0][k] = Ascii.emailPart(latin.name().firstName());
                        latinPool[1][k] = Ascii.emailPart(latin.name().lastName());
                    }
                    return;
                }
                Faker faker = new Faker(locales[i].locale(), new Random(seed * 31 + i));
                String[] first = new String[poolSize];
                String[] last = new String[poolSize];
                String[] firstAsciiPool = new String[poolSize];
                String[] lastAsciiPool = new String[poolSize];
                for (int k = 0; k < poolSize; k++) {
                    first[k] = faker.name().firstName();
                    last[k] = faker.name().lastName();
                    firstAsciiPool[k] = Ascii.emailPart(first[k]);
                    lastAsciiPool[k] = Ascii.emailPart(last[k]);
                }
                firstNames[i] = first;
                lastNames[i] = last;
                firstAscii[i] = firstAsciiPool;
                lastAscii[i] = lastAsciiPool;
            });
        }

        List<SimCandidate> generate(int count) {
            drawNamePools(count);
            emails = new HashSet<>(Math.max(16, count * 2)); // sized once: no rehash of 100,000 addresses
            List<SimCandidate> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(next(i));
            }
            return out;
        }

        private SimCandidate next(int ordinal) {
            DemoCatalog.NameLocale nl = pickLocale();
            int fi = r.nextInt(firstNames[nl.index()].length);
            int li = r.nextInt(lastNames[nl.index()].length);
            String first = firstNames[nl.index()][fi];
            String last = lastNames[nl.index()][li];
            String email = uniqueEmail(firstAscii[nl.index()][fi], lastAscii[nl.index()][li]);
            String[] city = nl.cities()[r.nextInt(nl.cities().length)];
            long created = BASE_MILLIS - r.nextInt(365 * 24 * 60) * 60_000L - r.nextInt(60_000);
            long updated = created + (long) (r.nextDouble() * (BASE_MILLIS - created));
            String phone = nl.phonePrefix() + " " + (100 + r.nextInt(900)) + " " + (100 + r.nextInt(900)) + " "
                    + (100 + r.nextInt(900));
            String id = uuid(r);
            SimCandidate c = new SimCandidate(id, first, last, email, phone, city[0], city[1], nl.countryCode(),
                    created, updated, seed * 1_000_003L + ordinal);
            int extraJobs = r.nextInt(100) < 25 ? 1 + r.nextInt(2) : 0;
            int[] used = new int[extraJobs + 1];
            for (int j = 0; j <= extraJobs && j < jobs.size(); j++) {
                int jobIndex;
                do {
                    jobIndex = r.nextInt(jobs.size());
                } while (contains(used, j, jobIndex));
                used[j] = jobIndex;
                SimJob job = jobs.get(jobIndex);
                String status = pickApplicationStatus();
                List<String> steps = processById.get(job.hiringProcessId()).stepsOf(status);
                String sub = steps.isEmpty() || r.nextInt(5) == 0 ? null : steps.get(r.nextInt(steps.size()));
                long startsOn = created + (long) (r.nextDouble() * (updated - created));
                String source = DemoCatalog.SOURCES[r.nextInt(DemoCatalog.SOURCES.length)];
                c.applications.add(new SimApplication(uuid(r), id, job.id(), source, status, sub, startsOn));
            }
            return c;
        }

        /** Whether {@code value} is among the first {@code n} of {@code values} (at most three jobs: a scan). */
        private static boolean contains(int[] values, int n, int value) {
            for (int i = 0; i < n; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        private DemoCatalog.NameLocale pickLocale() {
            int x = r.nextInt(DemoCatalog.LOCALE_WEIGHT_TOTAL);
            for (DemoCatalog.NameLocale nl : DemoCatalog.NAME_LOCALES) {
                x -= nl.weight();
                if (x < 0) {
                    return nl;
                }
            }
            return DemoCatalog.NAME_LOCALES[0];
        }

        private String pickApplicationStatus() {
            int x = r.nextInt(100);
            if (x < 5) {
                return "LEAD";
            }
            if (x < 30) {
                return "NEW";
            }
            if (x < 55) {
                return "IN_REVIEW";
            }
            if (x < 70) {
                return "INTERVIEW";
            }
            if (x < 75) {
                return "OFFERED";
            }
            if (x < 78) {
                return "HIRED";
            }
            if (x < 93) {
                return "REJECTED";
            }
            if (x < 98) {
                return "WITHDRAWN";
            }
            return "TRANSFERRED";
        }

        private String uniqueEmail(String asciiFirst, String asciiLast) {
            String f = asciiFirst;
            String l = asciiLast;
            if (f.isEmpty() || l.isEmpty()) {
                // CJK and Arabic names have no spelling of their own in ASCII: such candidates use a Latin address.
                f = latinPool[0][r.nextInt(latinPool[0].length)];
                l = latinPool[1][r.nextInt(latinPool[1].length)];
            }
            String domain = DemoCatalog.EMAIL_DOMAINS[r.nextInt(DemoCatalog.EMAIL_DOMAINS.length)];
            String local = f + "." + l;
            String email = local + "@" + domain;
            for (int n = 2; !emails.add(email); n++) {
                email = local + n + "@" + domain;
            }
            return email;
        }
    }
}
