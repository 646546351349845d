package dev.recruitdesk.service;

import dev.recruitdesk.store.CacheStore;
import dev.recruitdesk.store.DatabaseInUseException;
import dev.recruitdesk.store.H2Urls;
import dev.recruitdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens the cache database. The cache is disposable (a full sync rebuilds it), so one that cannot be opened
 * (damaged, unreadable, an unknown format or schema) is moved aside as {@code cache-broken-<time>.mv.db} (the newest
 * {@value #KEEP} are kept, for a bug report) and a fresh one is made; the recruiter is told. A cache locked by another
 * process is not broken and is never touched. Settings, secrets and the outbox live in other files and are not read.
 */
final class CacheOpening {

    private static final Logger log = LoggerFactory.getLogger(CacheOpening.class);
    static final int KEEP = 2;
    static final String BROKEN_PREFIX = CacheStore.NAME + "-broken-";
    private static final String SUFFIX = ".mv.db";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** {@code notice}: what to tell the recruiter, null when the cache opened as it was. */
    record Opened(CacheStore cache, String notice) {
    }

    private CacheOpening() {
    }

    static Opened open(Path dataDir, Clock clock) {
        try {
            return new Opened(CacheStore.open(dataDir), null);
        } catch (DatabaseInUseException e) {
            throw e;
        } catch (StoreException e) {
            Path file = H2Urls.mainFile(dataDir, CacheStore.NAME);
            if (!Files.exists(file)) {
                throw e; // nothing to set aside: the folder itself is the problem
            }
            Path kept = setAside(dataDir, file, clock);
            log.warn("The cache could not be opened and was set aside as {}; a full sync rebuilds it", kept.getFileName(), e);
            try {
                CacheStore fresh = CacheStore.open(dataDir);
                return new Opened(fresh, "The local cache could not be read and is being rebuilt from SmartRecruiters;"
                        + " the old file was kept as " + kept.getFileName() + " in " + dataDir);
            } catch (StoreException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    private static Path setAside(Path dataDir, Path file, Clock clock) {
        // a later instant, never a suffix, on a clash: the names must keep sorting by time
        java.time.Instant at = clock.instant();
        Path target = dataDir.resolve(BROKEN_PREFIX + STAMP.format(at) + SUFFIX);
        while (Files.exists(target)) {
            at = at.plusMillis(1);
            target = dataDir.resolve(BROKEN_PREFIX + STAMP.format(at) + SUFFIX);
        }
        try {
            Files.move(file, target);
            // H2's side files belong to the broken database, not to the fresh one
            for (String side : List.of(".trace.db", ".mv.db.tempFile", ".lock.db")) {
                Files.deleteIfExists(dataDir.resolve(CacheStore.NAME + side));
            }
        } catch (IOException e) {
            throw new StoreException("The local cache " + file + " cannot be read, and cannot be moved aside either", e);
        }
        keepNewest(dataDir);
        return target;
    }

    /** Stamps sort by time: the oldest set-aside files beyond {@link #KEEP} go. */
    private static void keepNewest(Path dataDir) {
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> broken = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(BROKEN_PREFIX) && n.endsWith(SUFFIX);
            }).sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
            for (Path old : broken.subList(Math.min(KEEP, broken.size()), broken.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            log.warn("Cannot remove old set-aside caches: {}", e.toString());
        }
    }
}
