package dev.recruitdesk.store;

/** The local database failed (disk full, file locked by another copy of the app, corrupt file). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
