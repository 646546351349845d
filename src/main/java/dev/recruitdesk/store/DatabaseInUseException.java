package dev.recruitdesk.store;

/** The database file is locked by another process: it is fine, and must be left exactly as it is. */
public final class DatabaseInUseException extends StoreException {

    public DatabaseInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
