package dev.recruitdesk.app;

/** A start-up failure the user can act on; its message is shown as one line. */
public final class StartupException extends Exception {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
