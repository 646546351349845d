package dev.recruitdesk.service;

/** The outcome of "Test connection", in words for the recruiter. */
public record ConnectionCheck(Outcome outcome, String message, long millis) {

    public enum Outcome { OK, WRONG_CREDENTIALS, UNREACHABLE, SERVER_ERROR, INVALID_INPUT }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
