package dev.recruitdesk.store;

import java.nio.file.Path;

/**
 * A database file exists but cannot be used: damaged (garbage, cut short), not readable by this user, in a file format
 * this H2 cannot read, or with a schema this version cannot migrate (made by a newer RecruitDesk, a migration that
 * fails). Whoever opens it decides: the disposable cache is set aside and rebuilt, the outbox is never replaced.
 */
public final class UnreadableDatabaseException extends StoreException {

    private final transient Path file;

    public UnreadableDatabaseException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The database's main file ({@code <name>.mv.db}). */
    public Path file() {
        return file;
    }
}
