package dev.recruitdesk.app.bench;

import dev.recruitdesk.app.JvmOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link FxProbe} in a fresh JVM with this JVM's java and class path (so it runs the same way from the jar
 * and from the tests), and collects its {@code BENCH key=value} lines. Headless Monocle is passed on when this JVM
 * runs on it.
 */
final class ChildJvm {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final List<String> PASSED_PROPERTIES = List.of("glass.platform", "monocle.platform", "prism.order",
            "prism.text", "java.awt.headless", "testfx.headless", "testfx.robot");

    record Run(long startedMillis, Map<String, String> values, int exitCode) {

        long millis(String key) {
            String v = values.get(key);
            return v == null ? -1 : Long.parseLong(v);
        }
    }

    private ChildJvm() {
    }

    /**
     * {@link JvmOptions}, or for an experiment the space-separated {@code recruitdesk.bench.childOptions} property
     * instead (for example to measure a collector or heap cap before writing it into jvm.options).
     */
    static List<String> childOptions() {
        String override = System.getProperty("recruitdesk.bench.childOptions");
        if (override != null) {
            return override.isBlank() ? List.of() : List.of(override.trim().split("\\s+"));
        }
        return JvmOptions.load();
    }

    /** A class-data archive every child starts with (see {@link #trainClassArchive}); null: none. */
    private static volatile Path classArchive;

    /**
     * Starts the People probe once on {@code cacheDir} with {@code -XX:ArchiveClassesAtExit}: the classes a start
     * loads (JavaFX, the theme, H2, the app) are parsed and verified once into {@code archive}, and every later child
     * maps them instead (AppCDS, as {@code scripts/run.sh} does for the app). True if the archive was written.
     */
    static boolean trainClassArchive(Path logDir, Path cacheDir, Path archive) throws IOException, InterruptedException {
        classArchive = null;
        Files.deleteIfExists(archive);
        Run r = run(logDir, List.of("people", cacheDir.toString()), Map.of(), 180,
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (r.exitCode() == 0 && Files.isRegularFile(archive)) {
            classArchive = archive;
            return true;
        }
        return false;
    }

    static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || "Monocle".equals(System.getProperty("glass.platform"));
    }

    static Run run(Path logDir, List<String> probeArgs, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path archive = classArchive;
        return run(logDir, probeArgs, env, timeoutSeconds,
                archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off"));
    }

    private static Run run(Path logDir, List<String> probeArgs, Map<String, String> env, long timeoutSeconds,
                           List<String> extraOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        // The app's own options (jvm.options), for the app child and the minimal-window baseline alike.
        cmd.addAll(childOptions());
        cmd.addAll(extraOptions);
        cmd.add("-Drecruitdesk.logdir=" + logDir);
        for (String p : PASSED_PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        cmd.add(FxProbe.class.getName());
        cmd.addAll(probeArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long started = System.currentTimeMillis();
        Process p = pb.start();
        Map<String, String> values = new HashMap<>();
        StringBuilder other = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(FxProbe.PREFIX) && line.indexOf('=') > 0) {
                        String kv = line.substring(FxProbe.PREFIX.length());
                        synchronized (values) {
                            values.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                        }
                    } else if (other.length() < 20_000) {
                        other.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                LOG.debug("Reading the probe's output failed", e);
            }
        }, "bench-child-reader");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        int code = p.isAlive() ? -1 : p.exitValue();
        if (code != 0) {
            LOG.warn("Probe {} exited with {}; its output:\n{}", probeArgs, code, other);
        }
        synchronized (values) {
            return new Run(started, Map.copyOf(values), code);
        }
    }
}
