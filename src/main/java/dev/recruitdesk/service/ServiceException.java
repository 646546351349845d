package dev.recruitdesk.service;

/**
 * A failure a screen can explain. The message is written for the recruiter and never holds a secret;
 * {@link Reason} lets the screen offer the right way out (Retry, Edit settings, ...).
 */
public class ServiceException extends Exception {

    public enum Reason { OFFLINE, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, SERVER, INVALID, INTEGRATION_NOT_CONNECTED, CONFLICT, OTHER }

    private final Reason reason;

    public ServiceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ServiceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
