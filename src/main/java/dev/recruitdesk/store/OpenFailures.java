package dev.recruitdesk.store;

import org.h2.api.ErrorCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Sorts a failure to open a database file: locked by another process (leave it alone), or present but unusable
 * (corrupt, unreadable, unknown format or schema). Deliberately generic: whatever H2 or Flyway throws for a file
 * that exists, other than the lock, counts as unusable, so a new kind of damage or a new migration is covered too.
 */
final class OpenFailures {

    private OpenFailures() {
    }

    static StoreException classify(Path dataDir, String name, Throwable e) {
        Path file = H2Urls.mainFile(dataDir, name);
        if (lockedByAnother(e)) {
            return new DatabaseInUseException("The local database " + file + " is in use by another program"
                    + " (is another copy of RecruitDesk running?)", e);
        }
        if (Files.exists(file)) {
            return new UnreadableDatabaseException(file, "The local database " + file + " cannot be read: "
                    + reason(e), e);
        }
        return new StoreException("Cannot create the local database " + file + ": " + reason(e), e);
    }

    private static boolean lockedByAnother(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The innermost message, cut short: enough for the log and the recruiter's one line. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
