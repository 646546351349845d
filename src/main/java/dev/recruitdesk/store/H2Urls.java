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
        String base = dataDir.toAbsolutePath().normalize().resolve(name).toString();
        if (base.indexOf(';') >= 0) {
            throw new IllegalArgumentException("The data folder path contains ';', which the database cannot use. "
                    + "Choose a folder without ';' in its path: " + dataDir);
        }
        // DB_CLOSE_ON_EXIT=FALSE: the Backend closes the database itself, after its writer has drained.
        return "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
