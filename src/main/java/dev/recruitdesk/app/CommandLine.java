package dev.recruitdesk.app;

import dev.recruitdesk.domain.Validation;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the command line. Hand-written rather than picocli because the grammar is four subcommands with a handful
 * of options each, and every error must be one plain line (which picocli's usage output is not).
 */
public final class CommandLine {

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage:",
            "  recruitdesk [--data-dir DIR] [--sr-url URL --api-key KEY]   start the app (demo mode when no account is set)",
            "  recruitdesk simulator [--port PORT] [--seed N] [--candidates N] [--jobs N] [--no-rate-limit] [--pace-seconds N]",
            "                        [--connected] [--faults RATE [--fault-seed N] [--fault-kinds K,...] [--slow-seconds N]]",
            "                        [--drop-accepted-writes N] [--ignore-idempotency]",
            "  recruitdesk sync --data-dir DIR --sr-url URL --api-key KEY [--send-queued]",
            "                        one sync without a window; --send-queued then sends the orders waiting in the outbox",
            "  recruitdesk screenshots --out DIR [--data-dir DIR]          one PNG per screen, then exit",
            "  recruitdesk bench [--candidates N] [--out FILE]             measure sync, search, start-up, smoothness, memory",
            "                        N from 100 to 1000000 (default 100000); the window figures need a display",
            "  recruitdesk --help | --version",
            "The API key may also come from the RECRUITDESK_API_KEY environment variable (keeps it out of the process list).",
            "Exit codes: 0 done, 1 failed or incomplete, 2 bad command line, 3 the data folder is open in another RecruitDesk.");

    private static final int MAX_ARG_LENGTH = 4096;

    private CommandLine() {
    }

    public static Command parse(String[] args, Map<String, String> env) throws UsageException {
        for (String a : args) {
            if (a == null || a.length() > MAX_ARG_LENGTH) {
                throw new UsageException("an argument is longer than " + MAX_ARG_LENGTH + " characters");
            }
        }
        if (args.length > 0 && !args[0].startsWith("-")) {
            String sub = args[0];
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            if (!sub.equals("simulator") && subcommands().contains(sub)
                    && Arrays.stream(rest).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
                return new Command.ShowHelp(); // the simulator has its own --help
            }
            return switch (sub) {
                case "simulator" -> new Command.RunSimulator(rest);
                case "sync" -> parseSync(options(rest, Set.of("--data-dir", "--sr-url", "--api-key"), Set.of("--send-queued")), env);
                case "screenshots" -> parseScreenshots(options(rest, Set.of("--out", "--data-dir"), Set.of()));
                case "bench" -> parseBench(options(rest, Set.of("--candidates", "--out"), Set.of()));
                default -> throw new UsageException("unknown command '" + clip(sub) + "' (try --help)");
            };
        }
        Map<String, String> o = options(args, Set.of("--data-dir", "--sr-url", "--api-key"), Set.of("--help", "-h", "--version"));
        if (o.containsKey("--help") || o.containsKey("-h")) {
            return new Command.ShowHelp();
        }
        if (o.containsKey("--version")) {
            return new Command.ShowVersion();
        }
        Path dataDir = o.containsKey("--data-dir") ? path(o.get("--data-dir"), "--data-dir") : null;
        String key = apiKey(o, env);
        URI url = o.containsKey("--sr-url") ? url(o.get("--sr-url")) : null;
        if ((url == null) != (key == null)) {
            throw new UsageException(url == null ? "--api-key needs --sr-url" : "--sr-url needs --api-key (or RECRUITDESK_API_KEY)");
        }
        return new Command.RunApp(dataDir, url, key);
    }

    private static Command parseSync(Map<String, String> o, Map<String, String> env) throws UsageException {
        if (!o.containsKey("--data-dir")) {
            throw new UsageException("sync needs --data-dir DIR");
        }
        if (!o.containsKey("--sr-url")) {
            throw new UsageException("sync needs --sr-url URL");
        }
        String key = apiKey(o, env);
        if (key == null) {
            throw new UsageException("sync needs --api-key KEY (or RECRUITDESK_API_KEY)");
        }
        return new Command.RunSync(path(o.get("--data-dir"), "--data-dir"), url(o.get("--sr-url")), key,
                o.containsKey("--send-queued"));
    }

    private static Command parseScreenshots(Map<String, String> o) throws UsageException {
        if (!o.containsKey("--out")) {
            throw new UsageException("screenshots needs --out DIR");
        }
        Path dataDir = o.containsKey("--data-dir") ? path(o.get("--data-dir"), "--data-dir") : null;
        return new Command.RunScreenshots(path(o.get("--out"), "--out"), dataDir);
    }

    private static Command parseBench(Map<String, String> o) throws UsageException {
        int n = 100_000;
        if (o.containsKey("--candidates")) {
            String given = o.get("--candidates").strip();
            // digits only, so that 99999999999 gets the range message and "100,000" the one about the form
            if (!given.matches("-?[0-9]+")) {
                throw new UsageException("--candidates must be a whole number, written without separators (e.g. 100000)");
            }
            String digits = given.replaceFirst("^-?0*", "");
            // more than seven digits is out of range whatever they are (and may not fit a long)
            n = given.startsWith("-") || digits.length() > 7 ? -1 : digits.isEmpty() ? 0 : Integer.parseInt(digits);
            if (n < 100 || n > 1_000_000) {
                throw new UsageException("--candidates must be between 100 and 1000000");
            }
        }
        Path out = o.containsKey("--out") ? writableFile(path(o.get("--out"), "--out"), "--out") : null;
        return new Command.RunBench(n, out);
    }

    /** Checked before the bench runs: finding a bad {@code --out} only after minutes of measuring wastes them. */
    private static Path writableFile(Path file, String option) throws UsageException {
        Path parent = file.getParent();
        if (java.nio.file.Files.isDirectory(file)) {
            throw new UsageException(option + " is a folder, not a file: " + file);
        }
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            throw new UsageException(option + ": the folder " + parent + " does not exist");
        }
        if (!java.nio.file.Files.isWritable(parent) || (java.nio.file.Files.exists(file) && !java.nio.file.Files.isWritable(file))) {
            throw new UsageException(option + ": cannot write " + file);
        }
        return file;
    }

    /** Reads {@code --name value} and {@code --name=value} pairs; anything else is an error. */
    private static Map<String, String> options(String[] args, Set<String> withValue, Set<String> flags) throws UsageException {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                out.put(name, "");
                continue;
            }
            if (!withValue.contains(name)) {
                throw new UsageException(a.startsWith("-") ? "unknown option " + clip(name) + " (try --help)"
                        : "unexpected argument '" + clip(a) + "' (try --help)");
            }
            if (value == null) {
                if (i + 1 >= args.length || (args[i + 1].startsWith("--") && !args[i + 1].equals("--"))) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            if (out.containsKey(name)) {
                throw new UsageException(name + " given twice");
            }
            out.put(name, value);
        }
        return out;
    }

    private static String apiKey(Map<String, String> o, Map<String, String> env) throws UsageException {
        String key = o.containsKey("--api-key") ? o.get("--api-key") : env.get("RECRUITDESK_API_KEY");
        if (key == null) {
            return null;
        }
        String clean = Validation.cleanPasted(key);
        if (clean.isEmpty()) {
            throw new UsageException("--api-key is empty");
        }
        if (clean.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            // Never echo the value: it is a secret.
            throw new UsageException("--api-key contains characters an API key cannot have");
        }
        return clean;
    }

    private static URI url(String raw) throws UsageException {
        String v = Validation.cleanPasted(raw);
        var problem = Validation.baseUrl(v);
        if (problem.isPresent()) {
            throw new UsageException("--sr-url: " + problem.get());
        }
        String trimmed = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        return URI.create(Validation.asciiHost(trimmed));
    }

    private static Path path(String raw, String option) throws UsageException {
        if (raw.isBlank()) {
            throw new UsageException(option + " is empty");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException(option + " contains control characters");
        }
        Path p;
        try {
            p = Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + " is not a valid path");
        }
        if (option.equals("--data-dir") && !dev.recruitdesk.store.H2Urls.usableFolder(p)) {
            throw new UsageException("--data-dir contains ';', which the database cannot use; choose a folder without ';' in its path");
        }
        return p;
    }

    private static String clip(String s) {
        String c = s.chars().anyMatch(Character::isISOControl) ? s.replaceAll("\\p{Cntrl}", "?") : s;
        return c.length() > 40 ? c.substring(0, 40) + "…" : c;
    }

    static List<String> subcommands() {
        return List.of("simulator", "sync", "screenshots", "bench");
    }
}
