package dev.recruitdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One log file per launch; this keeps the folder from growing without end. */
final class LogFiles {

    private LogFiles() {
    }

    static void keepNewest(Path logs, int keep) {
        try (Stream<Path> s = Files.list(logs)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
            for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException ignored) {
            // Old logs left behind are harmless; never stop the start for them.
        }
    }
}
