package dev.recruitdesk.service;

/**
 * Not an error for the recruiter to fix: SmartRecruiters could not take the write now, so it waits in the outbox
 * (held until confirmed when offline). The message says so, for the dialog to show.
 */
public final class WriteQueued extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public WriteQueued(String key, String message) {
        super(Reason.OFFLINE, message);
        this.key = key;
    }

    /** The outbox row's idempotency key. */
    public String key() {
        return key;
    }
}
