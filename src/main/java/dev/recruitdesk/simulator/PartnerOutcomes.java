package dev.recruitdesk.simulator;

import java.util.Random;

/** What the simulated partner reports when an order ends: the final status and, when completed, the result. */
final class PartnerOutcomes {

    private static final String[] LETTER_GRADES = {"A", "A-", "B+", "B", "B-", "C+", "C"};

    private PartnerOutcomes() {
    }

    /** The kind an order of this package ends with when nobody interferes. */
    static String naturalEnd(SimPackage pkg) {
        return switch (pkg.outcome()) {
            case EXPIRES -> "EXPIRED";
            case FAILS -> "FAILED";
            case LETTER_GRADE -> "COMPLETED_LETTER";
            default -> "COMPLETED";
        };
    }

    /** Ends an order the way {@code kind} says ("COMPLETED", "COMPLETED_LETTER", "EXPIRED", "FAILED"). */
    static void finish(SimOrder order, String kind, long at, Random r) {
        switch (kind) {
            case "EXPIRED" -> order.moveTo("EXPIRED", at);
            case "FAILED" -> order.moveTo("FAILED", at);
            case "COMPLETED_LETTER" -> {
                order.result = letterResult(order, at, r);
                order.moveTo("COMPLETED", at);
            }
            default -> {
                order.result = order.pkg.outcome() == SimPackage.Outcome.VERDICT ? verdictResult(order, at, r)
                        : order.pkg.outcome() == SimPackage.Outcome.LETTER_GRADE ? letterResult(order, at, r)
                        : percentageResult(order, at, r);
                order.moveTo("COMPLETED", at);
            }
        }
    }

    private static SimOrder.Result percentageResult(SimOrder order, long at, Random r) {
        int score = 35 + r.nextInt(64);
        String band = score >= 80 ? "strong" : score >= 60 ? "solid" : "below the role's bar";
        // concatenation, not String.format: this runs for every seeded completed order (~10,000 at 100k candidates)
        String summary = order.pkg.name() + ": " + score + "/100, a " + band + " result ("
                + Math.max(1, Math.min(99, score - 5 + r.nextInt(10))) + "% of candidates scored lower).";
        return new SimOrder.Result("Percentage", Integer.toString(score), "0", "100", summary,
                attachmentId(order), "report.pdf", at);
    }

    private static SimOrder.Result letterResult(SimOrder order, long at, Random r) {
        String grade = LETTER_GRADES[r.nextInt(LETTER_GRADES.length)];
        return new SimOrder.Result("Grade", grade, null, null,
                order.pkg.name() + ": graded " + grade + " by an assessor.", attachmentId(order), "report.pdf", at);
    }

    private static SimOrder.Result verdictResult(SimOrder order, long at, Random r) {
        String verdict = r.nextInt(10) == 0 ? "Consider" : "Clear";
        return new SimOrder.Result("Result", verdict, null, null,
                order.pkg.name() + ": " + ("Clear".equals(verdict) ? "no findings." : "findings need a review."),
                attachmentId(order), "background-check.pdf", at);
    }

    private static String attachmentId(SimOrder order) {
        return DemoCatalog.fixedId("attachment:" + order.id);
    }
}
