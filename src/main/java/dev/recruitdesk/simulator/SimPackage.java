package dev.recruitdesk.simulator;

/** One orderable package of a partner, with the way the simulated partner will finish its orders. */
record SimPackage(String id, String partnerId, String name, String description, String type, int expectedMinutes,
                  Outcome outcome) {

    /** How an order of this package ends once the candidate is done. */
    enum Outcome {
        /** COMPLETED with a 0..100 percentage score. */
        PERCENTAGE,
        /** COMPLETED with a letter grade and no min/max (e.g. "B+"). */
        LETTER_GRADE,
        /** COMPLETED with a verdict such as "Clear" (background checks). */
        VERDICT,
        /** The candidate never finishes: EXPIRED. */
        EXPIRES,
        /** The partner cannot complete it: FAILED. */
        FAILS
    }
}
