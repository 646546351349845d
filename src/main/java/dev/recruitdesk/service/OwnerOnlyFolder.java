package dev.recruitdesk.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data folder readable by its owner alone (folders rwx------, files rw-------): it holds the cache of
 * candidates' personal data and the encrypted secrets. The JVM cannot set a umask, and H2 creates its files with the
 * default one, so the folder is narrowed when it is made and everything in it again on open and on close.
 * On file systems without POSIX permissions (Windows) the user's profile folder already is private: nothing to do.
 */
final class OwnerOnlyFolder {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFolder.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFolder() {
    }

    static void create(Path dir) throws IOException {
        if (posix() && !Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        }
        Files.createDirectories(dir);
        restrict(dir);
    }

    /** Narrows the folder and everything under it; a file that vanishes meanwhile (H2's temp files) is skipped. */
    static void restrict(Path dir) {
        if (!posix()) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                try {
                    if (Files.isSymbolicLink(p)) {
                        return;
                    }
                    Files.setPosixFilePermissions(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE);
                } catch (IOException | UnsupportedOperationException e) {
                    log.debug("Cannot narrow the permissions of a file in the data folder: {}", e.getClass().getSimpleName());
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("Cannot narrow the permissions of the data folder: {}", e.getClass().getSimpleName());
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
