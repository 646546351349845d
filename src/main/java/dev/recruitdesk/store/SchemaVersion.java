package dev.recruitdesk.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells whether a database already has every versioned migration of its classpath folder, so that opening it can
 * skip Flyway. Flyway's migrate costs seconds on every start (it loads about 400 classes, scans the class path and
 * validates the history) even when there is nothing to do; this check reads one folder listing and one row.
 * Skipping also skips Flyway's checksum validation, which is safe because released migrations are never edited
 * (a change is always a new V&lt;n&gt;__ file, which makes this check fail and Flyway run).
 */
final class SchemaVersion {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

    private SchemaVersion() {
    }

    /**
     * True when the history table exists, holds no failed migration and its highest version is the highest of the
     * migrations in {@code location} (e.g. {@code db/cache}). Any doubt (no table, unreadable listing) is false.
     */
    static boolean isCurrent(Connection c, String location) {
        try {
            List<String> versions = versionsIn(location);
            if (versions.isEmpty()) {
                return false;
            }
            String latest = versions.stream().max(SchemaVersion::compare).orElseThrow();
            String applied = appliedVersion(c);
            return applied != null && compare(applied, latest) == 0;
        } catch (IOException | SQLException | URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** The highest successfully applied version, or null when there is none or any migration failed. */
    private static String appliedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_NAME = 'flyway_schema_history'")) {
            exists.next();
            if (exists.getInt(1) == 0) {
                return null;
            }
        }
        String best = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return null;
                }
                String v = rs.getString(1);
                if (v != null && (best == null || compare(v, best) > 0)) {
                    best = v;
                }
            }
        }
        return best;
    }

    /** Versions of the {@code V<version>__*.sql} files in a classpath folder, from a jar or a directory. */
    static List<String> versionsIn(String location) throws IOException, URISyntaxException {
        URL url = SchemaVersion.class.getClassLoader().getResource(location);
        if (url == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection conn = (JarURLConnection) url.openConnection();
            conn.setUseCaches(false);
            String prefix = location.endsWith("/") ? location : location + "/";
            try (JarFile jar = conn.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String n = entries.nextElement().getName();
                    if (n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0) {
                        names.add(n.substring(prefix.length()));
                    }
                }
            }
        } else if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(p -> p.getFileName().toString()).forEach(names::add);
            }
        } else {
            return List.of();
        }
        List<String> versions = new ArrayList<>();
        for (String n : names) {
            Matcher m = VERSIONED.matcher(n);
            if (m.matches()) {
                versions.add(m.group(1).replace('_', '.'));
            }
        }
        return versions;
    }

    /** Compares dotted versions part by part as numbers: "1.10" after "1.9", "2" equal to "2.0". */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
