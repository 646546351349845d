package dev.recruitdesk.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/** The per-user data folder: never the install or working folder. */
public final class DataFolders {

    private DataFolders() {
    }

    public static Path defaultDataDir(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return Path.of(local != null && !local.isBlank() ? local : userHome + "\\AppData\\Local", "RecruitDesk");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "RecruitDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("recruitdesk");
    }

    /**
     * Creates the folder readable by the user alone (where the file system knows POSIX permissions). A folder that
     * already exists keeps its permissions: {@code --data-dir ~} must never lock the user's home (or, run as root,
     * {@code /tmp} for everyone).
     */
    public static Path ensure(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("The data folder is a file, not a folder: " + dir);
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path missing = dir;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        if (created && posix) {
            // Every folder this call made, from the first missing one down, is the app's own.
            for (Path p = dir; p != null && p.startsWith(missing); p = p.getParent()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("The data folder is not writable: " + dir);
        }
        return dir;
    }

    /** Removes a folder and everything in it; a missing folder is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
