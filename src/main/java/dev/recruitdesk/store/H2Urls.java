package dev.recruitdesk.store;

import java.nio.file.Path;

/** Builds H2 file URLs so that a data folder path can never smuggle in database options. */
public final class H2Urls {

    private H2Urls() {
    }

    /**
     * The URL of database {@code name} inside {@code dataDir}. H2 reads everything after the first {@code ;} as
     * options (e.g. {@code INIT=RUNSCRIPT ...}), and has no escape for it, so such a path is refused outright.
     */
    public static String file(Path dataDir, String name) {
        return file(dataDir, name, false);
    }

    /**
     * False when H2 cannot keep databases in {@code dataDir}: its path has a {@code ;}. The command line checks this
     * up front, so such a folder is refused before anything is created in it.
     */
    public static boolean usableFolder(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().toString().indexOf(';') < 0;
    }

    /** The file H2 keeps database {@code name} in. */
    public static Path mainFile(Path dataDir, String name) {
        return dataDir.toAbsolutePath().normalize().resolve(name + ".mv.db");
    }

    /**
     * As {@link #file(Path, String)}; {@code durable} makes every commit reach the file before it returns
     * ({@code WRITE_DELAY=0}). By default H2 writes committed changes up to half a second later from a background
     * thread, so a process killed in that window loses them: fine for the cache, not for the outbox.
     */
    public static String file(Path dataDir, String name, boolean durable) {
        String base = dataDir.toAbsolutePath().normalize().resolve(name).toString();
        if (!usableFolder(dataDir) || base.indexOf(';') >= 0) {
            throw new IllegalArgumentException("The data folder path contains ';', which the database cannot use. "
                    + "Choose a folder without ';' in its path: " + dataDir);
        }
        // DB_CLOSE_ON_EXIT=FALSE: the Backend closes the database itself, after its writer has drained.
        // async: H2's file system on AsynchronousFileChannel, which an interrupted thread does not close (a plain
        // FileChannel does, and takes the whole database down with it: seen when a background task was cancelled).
        // Not durable (the cache): RETENTION_TIME=0 lets the store reuse the space of superseded pages at once. With
        // the default (45 s of old versions kept) a full sync of 100,000 candidates left a file of ~280 MB for ~30 MB
        // of data, and opening it again read through all of it. The price: a crash in the middle of a write can
        // leave the file unreadable, which for the cache means a fresh full sync, never lost work.
        // TRACE_LEVEL_FILE=4: H2's own trace goes to SLF4J (our log file), never to a <name>.trace.db of its own
        // that a failed open (e.g. a corrupt outbox) left in the data folder.
        // QUERY_CACHE_SIZE=32: the cache's writer prepares a dozen multi-row INSERT shapes (CacheStore.shapedChunks);
        // with H2's default of 8 they pushed each other out and every page parsed its statements again.
        return "jdbc:h2:async:" + base + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4;QUERY_CACHE_SIZE=32" + (durable ? ";WRITE_DELAY=0" : ";RETENTION_TIME=0");
    }
}
