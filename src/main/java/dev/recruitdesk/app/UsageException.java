package dev.recruitdesk.app;

/** A command-line mistake: printed as one line, exit code 2. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
