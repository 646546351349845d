package dev.recruitdesk.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The filters of a candidate listing, in a normal form (sorted sets) so a cursor can carry and compare them. */
record CandidateQuery(String q, Set<String> jobIds, Set<String> statuses, Long updatedAfterMillis) {

    static final Set<String> APPLICATION_STATUSES = Set.of("LEAD", "NEW", "IN_REVIEW", "INTERVIEW", "OFFERED",
            "HIRED", "REJECTED", "WITHDRAWN", "TRANSFERRED");

    CandidateQuery {
        q = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        jobIds = new TreeSet<>(jobIds);
        statuses = new TreeSet<>(statuses);
    }

    boolean empty() {
        return q == null && jobIds.isEmpty() && statuses.isEmpty() && updatedAfterMillis == null;
    }

    boolean matches(SimCandidate c) {
        if (updatedAfterMillis != null && c.updatedOn <= updatedAfterMillis) {
            return false;
        }
        if (q != null && !c.searchText.contains(q)) {
            return false;
        }
        if (jobIds.isEmpty() && statuses.isEmpty()) {
            return true;
        }
        for (SimApplication a : c.applications) {
            if ((jobIds.isEmpty() || jobIds.contains(a.jobId)) && (statuses.isEmpty() || statuses.contains(a.status))) {
                return true;
            }
        }
        return false;
    }

    /** A stable text form: the same filters always give the same string. */
    String encode() {
        List<String> parts = new ArrayList<>();
        if (q != null) {
            parts.add("q=" + enc(q));
        }
        jobIds.forEach(j -> parts.add("jobId=" + enc(j)));
        statuses.forEach(s -> parts.add("status=" + enc(s)));
        if (updatedAfterMillis != null) {
            parts.add("updatedAfter=" + updatedAfterMillis);
        }
        return String.join("&", parts);
    }

    static CandidateQuery decode(String text) {
        String q = null;
        Set<String> jobs = new TreeSet<>();
        Set<String> statuses = new TreeSet<>();
        Long after = null;
        for (String part : text.isEmpty() ? new String[0] : text.split("&")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bad query part");
            }
            String value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            switch (part.substring(0, eq)) {
                case "q" -> q = value;
                case "jobId" -> jobs.add(value);
                case "status" -> statuses.add(value);
                case "updatedAfter" -> after = Long.parseLong(value);
                default -> throw new IllegalArgumentException("bad query part");
            }
        }
        return new CandidateQuery(q, jobs, statuses, after);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
